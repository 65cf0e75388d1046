/** The button that starts a flow, and the line that shows how the last one ended. */
export function ConnectControls({
  onConnect,
  outcome,
}: {
  onConnect: () => void;
  outcome: string;
}) {
  return (
    <>
      <button type="button" onClick={onConnect}>
        Connect your bank
      </button>
      <p data-testid="outcome" role="status">
        {outcome}
      </p>
    </>
  );
}
