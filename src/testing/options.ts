// The options of a fake flow's calls: their own module, so that the flow
// (./flow.ts) and the kit's public handle (./index.ts) both read them and
// neither imports the other.

/** Options of `FakeFlow.complete()`. */
export interface CompleteOptions {
  /** The consent id the page receives (default: a made-up `arr_…`). */
  consentID?: string;
  /** The redirect URL the hosted page reports (default: its `/complete` page). */
  redirectURL?: string;
}

/** Options of `FakeFlow.post()`. */
export interface PostOptions {
  /** The origin the message comes from (default: the flow's allowed origin). */
  origin?: string;
}
