package dev.forensics.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appends from two real processes and from threads of one process end in one valid chain. */
class LedgerConcurrencyTest {

  @TempDir Path dir;

  @Test
  void twoProcesses_appending1000Each_giveOneValidChainOf2000() throws Exception {
    SigningKey alice = CustodianKeys.generate("alice");
    SigningKey bob = CustodianKeys.generate("bob");
    Path aliceKey = CustodianKeys.write(alice, dir, null)[0];
    Path bobKey = CustodianKeys.write(bob, dir, null)[0];
    Path ledger = dir.resolve("case.jsonl");
    Ledger.create(ledger, "C-2", Optional.empty(), alice, List.of(bob.custodian()), Clock.systemUTC());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("java.class.path");
    List<Process> ps = new ArrayList<>();
    for (Path key : List.of(aliceKey, bobKey)) {
      ps.add(new ProcessBuilder(java, "-cp", cp, "-Xshare:auto", ConcurrentAppender.class.getName(),
          ledger.toString(), key.toString(), "1000").redirectErrorStream(true).start());
    }
    for (Process p : ps) {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      assertThat(out).contains("appended 1000");
    }
    int[] byActor = new int[2];
    LedgerVerification v = LedgerVerifier.verify(ledger, List.of(), Optional.empty(), e -> {
      if (e.actor().equals("bob")) {
        byActor[1]++;
      } else if (e.type() == EventType.NOTE) {
        byActor[0]++;
      }
    });
    assertThat(v.problem()).isEmpty();
    assertThat(v.entries()).isEqualTo(2001);
    assertThat(byActor).containsExactly(1000, 1000);
  }

  @Test
  void twoLedgerObjectsInOneProcess_interleaveSafely() throws Exception {
    Path ledger = dir.resolve("case.jsonl");
    Ledger.create(ledger, "C-3", Optional.empty(), CustodyFixtures.ALICE, List.of(CustodyFixtures.BOB.custodian()), Clock.systemUTC());
    Ledger a = Ledger.open(ledger, List.of(), Clock.systemUTC());
    Ledger b = Ledger.open(ledger, List.of(), Clock.systemUTC());
    Thread t = new Thread(() -> {
      try {
        for (int i = 0; i < 50; i++) {
          b.append(CustodyEvent.of(EventType.NOTE, null, Map.of("text", "b" + i)), CustodyFixtures.BOB, null);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    t.start();
    for (int i = 0; i < 50; i++) {
      a.append(CustodyEvent.of(EventType.NOTE, null, Map.of("text", "a" + i)), CustodyFixtures.ALICE, null);
    }
    t.join();
    LedgerVerification v = CustodyFixtures.verify(ledger);
    assertThat(v.problem()).isEmpty();
    assertThat(v.entries()).isEqualTo(101);
  }

  @Test
  void threadsSharingOneLedger_groupCommit_aRefusedAppendFailsAlone() throws Exception {
    Path ledger = dir.resolve("case.jsonl");
    Ledger l = Ledger.create(ledger, "C-4", Optional.empty(), CustodyFixtures.ALICE, List.of(CustodyFixtures.BOB.custodian()), Clock.systemUTC());
    List<Thread> threads = new ArrayList<>();
    java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
    for (int t = 0; t < 4; t++) {
      int id = t;
      threads.add(new Thread(() -> {
        try {
          for (int i = 0; i < 50; i++) {
            if (id == 0 && i == 25) {
              try { // never registered: refused, and only this append fails
                l.append(CustodyEvent.of(EventType.EXAMINE, "EX-404", Map.of("tool", "t", "purpose", "p")), CustodyFixtures.ALICE, null);
              } catch (CustodyViolationException e) {
                refused.incrementAndGet();
              }
            }
            l.append(CustodyEvent.of(EventType.NOTE, null, Map.of("text", "t" + id + " " + i)),
                id % 2 == 0 ? CustodyFixtures.ALICE : CustodyFixtures.BOB, null);
          }
        } catch (Throwable e) {
          failure.set(e);
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    assertThat(failure.get()).isNull();
    assertThat(refused.get()).isEqualTo(1);
    LedgerVerification v = CustodyFixtures.verify(ledger);
    assertThat(v.problem()).isEmpty();
    assertThat(v.entries()).isEqualTo(201);
  }
}
