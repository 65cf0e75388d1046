import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import 'fiskil-link';

@Component({
  selector: 'app-bad',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<fiskil-link
    session-id="ses_1"
    (consent)="result.set($event.detail.consentId)"
  ></fiskil-link>`,
})
export class BadComponent {
  readonly result = signal('');
}
