import { ConnectBank } from './connect-bank';

// A server component: it renders the client component below into the server's HTML,
// and the hook inside it adds <fiskil-link> in the browser only.
export default function Home() {
  return (
    <main>
      <h1>Your accounts</h1>
      <ConnectBank />
    </main>
  );
}
