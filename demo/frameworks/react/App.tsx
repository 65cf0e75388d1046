import 'fiskil-link';
import type { FiskilLink } from 'fiskil-link';
import type {} from 'fiskil-link/types/react';
import { useRef, useState } from 'react';
import { authServer } from '../shared/config';

export function App() {
  const link = useRef<FiskilLink>(null);
  const [input, setInput] = useState('');
  const [sessionId, setSessionId] = useState('');
  const [result, setResult] = useState('');

  return (
    <>
      <h1>React 19</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setSessionId(input);
        }}
      >
        <label>
          Session id{' '}
          <input
            id="session"
            value={input}
            onChange={(e) => setInput(e.target.value)}
            autoComplete="off"
            required
          />
        </label>
        <button>Connect</button>
        <button type="button" id="cancel" onClick={() => link.current?.cancel()}>
          Cancel
        </button>
      </form>
      <output id="result">{result}</output>

      <fiskil-link
        ref={link}
        session-id={sessionId}
        auth-server={authServer}
        onconsent={(e) => setResult(`consent ${e.detail.consentID}`)}
        onlink-error={(e) => setResult(`link-error ${e.detail.code}`)}
      />
    </>
  );
}
