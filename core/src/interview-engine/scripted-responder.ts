import type { Responder, ResponderReply, ResponderRequest } from './responder.js';
import { readTurn } from './understanding/read-turn.js';
import { isQuestionLike } from './understanding/utterance.js';

/** True when the turn asks something (a question mark, or a sentence that starts like a question). */
export function isQuestion(text: string): boolean {
  return isQuestionLike(text);
}

/**
 * Classifies a turn with the deterministic reader (understanding/): offline, the default, what
 * tests use, and the guard the LLM responder's readings are checked against.
 */
export function interpretScripted(request: ResponderRequest): ResponderReply {
  const reading = readTurn(request.candidateText, {
    plan: request.plan,
    step: request.step,
    isAwaitingCallbackTime: request.isAwaitingCallbackTime,
    now: new Date(request.nowMs ?? Date.now()),
    ...(request.timeZone === undefined ? {} : { timeZone: request.timeZone }),
  });
  return {
    intent: reading.intent,
    acknowledgement: null,
    answerToQuestion: reading.answerToQuestion,
    ...(reading.confirmsIdentity ? { confirmsIdentity: true } : {}),
  };
}

/** The scripted responder behind the `Responder` interface. */
export function createScriptedResponder(): Responder {
  return {
    name: 'scripted',
    interpret: (request) => Promise.resolve(interpretScripted(request)),
  };
}
