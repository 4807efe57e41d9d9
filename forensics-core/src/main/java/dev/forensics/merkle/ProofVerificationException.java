package dev.forensics.merkle;

import java.security.GeneralSecurityException;

/**
 * A Merkle inclusion or consistency proof does not prove what it claims: wrong shape for the sizes, an
 * index outside the tree, or a recomputed root that differs from the expected one. The message names the
 * reason and shows the expected and calculated values.
 */
public class ProofVerificationException extends GeneralSecurityException {

  private static final long serialVersionUID = 1L;

  /** An exception with a message naming the reason. */
  public ProofVerificationException(String message) {
    super(message);
  }
}
