package dev.forensics.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustodyReportTest {

  @TempDir Path dir;

  private static List<String> column(CustodyReport.Exhibit x, java.util.function.Function<CustodyReport.Event, Optional<String>> f) {
    return x.events().stream().map(e -> f.apply(e).orElse("-")).toList();
  }

  @Test
  void exhibits_areFormsInRegistrationOrder_withBothCustodiansPlaceAndSeal() throws Exception {
    CustodyReport r = CustodyReport.read(ExportFixtures.realistic(dir), List.of());
    assertThat(r.intact()).isTrue();
    assertThat(r.ledgerName()).isEqualTo("case.jsonl");
    assertThat(r.caseNumber()).contains("2026-017");
    assertThat(r.title()).contains("Fraud at \"Harbour & Co\"");
    assertThat(r.exhibits()).extracting(CustodyReport.Exhibit::item).containsExactly("EX-1", "EX-2");
    CustodyReport.Exhibit ex1 = r.exhibits().get(0);
    assertThat(ex1.description()).isEqualTo("USB stick, black, 16 GB");
    assertThat(ex1.events()).extracting(e -> e.entry().type().id()).containsExactly(
        "register", "acquire", "seal", "transfer", "check-out", "check-in", "examine", "verify", "return");
    assertThat(column(ex1, CustodyReport.Event::releasedBy))
        .containsExactly("-", "alice", "alice", "alice", "bob", "bob", "bob", "bob", "bob");
    assertThat(column(ex1, CustodyReport.Event::receivedBy))
        .containsExactly("alice", "alice", "alice", "bob", "bob", "bob", "bob", "bob", "-");
    assertThat(column(ex1, CustodyReport.Event::location)).containsExactly("Scene, 12 Main St", "Scene, 12 Main St",
        "Scene, 12 Main St", "Lab 2", "Bench 3", "Lab 2", "Lab 2", "Lab 2", "Lab 2");
    assertThat(column(ex1, CustodyReport.Event::seal))
        .containsExactly("S-100", "S-100", "S-101", "S-101", "S-101", "S-101", "S-101", "S-101", "S-101");
    assertThat(ex1.status().orElseThrow().state()).isEqualTo(ItemStatus.State.RETURNED);
    CustodyReport.Exhibit ex2 = r.exhibits().get(1);
    assertThat(column(ex2, CustodyReport.Event::seal)).containsExactly("S-200", "S-200", "S-201", "S-201");
    assertThat(r.caseNotes()).singleElement().satisfies(n -> assertThat(n.entry().field("text")).contains("case closed"));
    assertThat(r.events()).extracting(e -> e.entry().seq()).isSorted().hasSize(14);
  }

  @Test
  void tamperedLedger_keepsOnlyTheEntriesBeforeTheProblem() throws Exception {
    Path ledger = ExportFixtures.realistic(dir);
    List<String> lines = CustodyFixtures.lines(ledger);
    lines.set(5, lines.get(5).replace("Bench 3", "Bench 4"));
    CustodyFixtures.write(ledger, lines);
    CustodyReport r = CustodyReport.read(ledger, List.of());
    assertThat(r.intact()).isFalse();
    assertThat(r.verification().problem().orElseThrow().seq()).isEqualTo(5);
    assertThat(r.events()).extracting(e -> e.entry().seq()).containsExactly(1L, 2L, 3L, 4L);
  }
}
