import {
  Component,
  CUSTOM_ELEMENTS_SCHEMA,
  ElementRef,
  type OnDestroy,
  signal,
  viewChild,
} from '@angular/core';
// Registers <fiskil-link>, and types its events: `$event.detail` in the template below.
import 'fiskil-link';
import type { FiskilLink } from 'fiskil-link';

interface LinkSession {
  sessionId: string;
  authServer: string;
}

@Component({
  selector: 'app-root',
  // Lets the template use <fiskil-link>, its attributes and its events.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  templateUrl: './app.html',
  styleUrl: './app.css',
})
export class App implements OnDestroy {
  protected readonly session = signal<LinkSession | undefined>(undefined);
  protected readonly outcome = signal('');
  private readonly link = viewChild.required<ElementRef<FiskilLink>>('link');

  protected async connect(): Promise<void> {
    this.outcome.set('');
    const response = await fetch('/api/session', { method: 'POST' });
    this.session.set(await response.json());
  }

  protected async confirm(consentID: string): Promise<void> {
    const response = await fetch('/api/consent', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ consentID }),
    });
    this.outcome.set(`Consent ${consentID} ${response.ok ? 'confirmed' : 'not confirmed'}`);
  }

  // Leaving the page mid-flow ends the flow (the element is removed with the view).
  ngOnDestroy(): void {
    this.link().nativeElement.cancel();
  }
}
