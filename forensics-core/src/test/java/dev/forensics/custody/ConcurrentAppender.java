package dev.forensics.custody;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Appends N notes to a ledger as one custodian; run as a separate JVM by {@link LedgerConcurrencyTest}. */
public final class ConcurrentAppender {

  private ConcurrentAppender() {}

  /** Arguments: LEDGER KEYFILE COUNT. */
  public static void main(String[] args) throws Exception {
    Path ledger = Path.of(args[0]);
    SigningKey key = CustodianKeys.readPrivate(Path.of(args[1]), () -> null);
    int n = Integer.parseInt(args[2]);
    Ledger l = Ledger.open(ledger, List.of(), Clock.systemUTC());
    for (int i = 0; i < n; i++) {
      l.append(CustodyEvent.of(EventType.NOTE, null, Map.of("text", key.name() + " note " + i)), key, null);
    }
    System.out.println("appended " + n);
  }
}
