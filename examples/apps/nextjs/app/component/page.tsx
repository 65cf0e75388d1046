import { ConnectWithComponent } from './connect-with-component';

export default function ComponentPage() {
  return (
    <main>
      <h1>Your accounts</h1>
      <ConnectWithComponent />
    </main>
  );
}
