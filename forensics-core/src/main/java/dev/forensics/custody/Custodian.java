package dev.forensics.custody;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A person who may hold evidence and sign ledger entries: a name (also the stem of their key files)
 * and an Ed25519 public key.
 */
public record Custodian(String name, CustodianKey key) {

  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._@-]{0,63}");
  /** Names already checked (a ledger repeats a few names on every line). */
  private static final java.util.Set<String> VALID = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** @throws IllegalArgumentException for a name that is not 1-64 letters, digits, '.', '_', '@', '-' */
  public Custodian {
    checkName(name);
    Objects.requireNonNull(key, "key");
  }

  /** Checks a custodian name; see {@link Custodian}. */
  public static String checkName(String name) {
    Objects.requireNonNull(name, "name");
    if (VALID.contains(name)) {
      return name;
    }
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "custodian name must be 1-64 letters, digits, '.', '_', '@' or '-' starting with a letter or digit: '"
              + name + "'");
    }
    if (VALID.size() < 4096) {
      VALID.add(name);
    }
    return name;
  }
}
