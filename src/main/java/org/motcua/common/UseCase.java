package org.motcua.common;

import java.util.Set;

/**
 * A step of the business as a clerk or citizen names it (receive a dossier, decide a task, pay…). Each declares every
 * {@link Refusal} it may answer with, beyond those of any request (unknown field, not signed in, malformed body), so
 * that the API documentation is derived from the code that refuses and cannot drift from it.
 */
public interface UseCase {

  Set<Refusal> refusals();
}
