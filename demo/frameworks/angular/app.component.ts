import { Component, CUSTOM_ELEMENTS_SCHEMA, ElementRef, signal, ViewChild } from '@angular/core';
import 'fiskil-link';
import type { FiskilLink } from 'fiskil-link';
import { authServer } from '../shared/config';

@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <h1>Angular</h1>
    <form (submit)="$event.preventDefault(); sessionId.set(session.value)">
      <label>Session id <input id="session" #session autocomplete="off" required /></label>
      <button>Connect</button>
      <button type="button" id="cancel" (click)="cancel()">Cancel</button>
    </form>
    <output id="result">{{ result() }}</output>

    <fiskil-link
      #link
      [sessionId]="sessionId()"
      [authServer]="authServer"
      (consent)="result.set('consent ' + $event.detail.consentID)"
      (link-error)="result.set('link-error ' + $event.detail.code)"
    ></fiskil-link>
  `,
})
export class AppComponent {
  @ViewChild('link') link!: ElementRef<FiskilLink>;
  readonly authServer = authServer;
  readonly sessionId = signal('');
  readonly result = signal('');

  cancel(): void {
    this.link.nativeElement.cancel();
  }
}
