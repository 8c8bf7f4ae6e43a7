import { createContext, useContext } from 'react';
import type { Recruiter } from '../lib/recruiter-api';

export interface RecruiterSession {
  recruiter: Recruiter;
  /** Called when the API answers 401: the session ended on the server, show the sign-in form. */
  onSessionEnded: () => void;
  signOut: () => Promise<void>;
}

export const RecruiterSessionContext = createContext<RecruiterSession | undefined>(undefined);

/** The signed-in recruiter; only used under the dashboard layout, which guarantees one. */
export function useRecruiterSession(): RecruiterSession {
  const session = useContext(RecruiterSessionContext);
  if (session === undefined) throw new Error('useRecruiterSession is used outside the dashboard');
  return session;
}
