package dev.forensics.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forensics.custody.internal.NameUuid;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseExportTest {

  private static final Pattern UUID_END =
      Pattern.compile(".*[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");

  @TempDir Path dir;

  private static byte[] export(Path ledger) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CaseExport.write(CustodyReport.read(ledger, List.of()), out);
    return out.toByteArray();
  }

  @Test
  void nameUuid_matchesTheRfcAlgorithm() {
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
    UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
    assertThat(NameUuid.v5(dns, "python.org")).hasToString("886313e1-3b8a-5372-9b90-0c9aee199e5d");
  }

  @Test
  void realisticLedger_hasZeroShaclViolations() throws Exception {
    CaseShacl.assumePresent();
    String jsonLd = new String(export(ExportFixtures.realistic(dir)), StandardCharsets.UTF_8);
    // no violation, and not even a warning or info (one validation: it is slow)
    assertThat(CaseShacl.results(jsonLd)).isEmpty();
  }

  @Test
  void jsonLd_becomesTheExpectedTriples_soTheShaclCheckIsNotVacuous() throws Exception {
    String jsonLd = new String(export(ExportFixtures.realistic(dir)), StandardCharsets.UTF_8);
    Graph g = RDFParser.create().fromString(jsonLd).lang(Lang.JSONLD).toGraph();
    String inv = "https://ontology.caseontology.org/case/investigation/";
    Node type = NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    assertThat(g.find(Node.ANY, type, NodeFactory.createURI(inv + "InvestigativeAction")).toList()).hasSize(14);
    assertThat(g.find(Node.ANY, type, NodeFactory.createURI(inv + "ProvenanceRecord")).toList()).hasSize(13);
    assertThat(g.find(Node.ANY, NodeFactory.createURI(inv + "exhibitNumber"), NodeFactory.createLiteralString("EX-2")).toList())
        .hasSize(4);
    var hashValues = g.find(Node.ANY, NodeFactory.createURI("https://ontology.unifiedcyberontology.org/uco/types/hashValue"), Node.ANY).toList();
    assertThat(hashValues).isNotEmpty().allMatch(t -> t.getObject().getLiteralDatatypeURI().equals("http://www.w3.org/2001/XMLSchema#hexBinary"));
    assertThat(g.find(Node.ANY, Node.ANY, Node.ANY).toList()).noneMatch(t -> t.getSubject().isBlank() || t.getObject().isBlank());
  }

  @Test
  void export_isByteIdenticalForTheSameLedger_andLfOnly() throws Exception {
    Path ledger = ExportFixtures.realistic(dir);
    byte[] a = export(ledger);
    Path copy = Files.createDirectory(dir.resolve("elsewhere")).resolve("other-name.jsonl");
    Files.copy(ledger, copy);
    assertThat(export(copy)).isEqualTo(a);
    assertThat(new String(a, StandardCharsets.UTF_8)).doesNotContain("\r").endsWith("}\n");
  }

  @Test
  void export_structure_everyEventAnAction_provenanceRecordsChained() throws Exception {
    Path ledger = ExportFixtures.realistic(dir);
    JsonNode doc = new ObjectMapper().readTree(export(ledger));
    Map<String, JsonNode> byId = new HashMap<>();
    List<JsonNode> actions = new ArrayList<>();
    for (JsonNode n : doc.get("@graph")) {
      String id = n.get("@id").textValue();
      assertThat(id).as("IRI ends in a UUID").matches(UUID_END);
      assertThat(byId.put(id, n)).as("one node per IRI: " + id).isNull();
      if (n.get("@type").textValue().equals("case-investigation:InvestigativeAction")) {
        actions.add(n);
      }
    }
    assertThat(doc.toString()).doesNotContain("\"_:");
    // every event but init is one action, in ledger order
    assertThat(actions).extracting(a -> a.get("uco-core:name").textValue()).containsExactly(
        "register", "acquire", "seal", "transfer", "check-out", "check-in", "examine", "verify", "register", "note",
        "return", "reseal", "dispose", "note");
    JsonNode transfer = actions.get(3);
    assertThat(byId.get(transfer.at("/uco-action:performer/@id").textValue()).get("uco-core:name").textValue()).isEqualTo("alice");
    assertThat(byId.get(transfer.at("/uco-action:participant/0/@id").textValue()).get("uco-core:name").textValue()).isEqualTo("bob");
    assertThat(byId.get(transfer.at("/uco-action:location/0/@id").textValue()).get("uco-core:name").textValue()).isEqualTo("Lab 2");
    assertThat(transfer.at("/uco-action:startTime/@value").textValue()).matches("2026-03-01T09:00:\\d\\d\\.000\\+07:00");
    assertThat(transfer.get("uco-core:description").textValue()).contains("signed by: alice, bob").contains("rehash: match against ledger seq 2");
    JsonNode acquire = actions.get(1);
    JsonNode tool = byId.get(acquire.at("/uco-action:instrument/0/@id").textValue());
    assertThat(tool.get("@type").textValue()).isEqualTo("uco-tool:Tool");
    assertThat(tool.get("uco-tool:version").textValue()).isEqualTo("7.2.646");

    // EX-1's actions: each one's object holds the record the one before produced
    String previous = null;
    int ex1 = 0;
    for (JsonNode a : actions) {
      JsonNode result = a.get("uco-action:result");
      if (result == null) {
        continue; // the case note
      }
      JsonNode record = byId.get(result.get(0).get("@id").textValue());
      assertThat(record.get("@type").textValue()).isEqualTo("case-investigation:ProvenanceRecord");
      if (!record.get("case-investigation:exhibitNumber").textValue().equals("EX-1")) {
        continue;
      }
      ex1++;
      if (previous == null) {
        assertThat(a.get("uco-action:object")).isNull();
      } else {
        assertThat(a.get("uco-action:object").get(0).get("@id").textValue()).isEqualTo(previous);
      }
      previous = record.get("@id").textValue();
    }
    assertThat(ex1).isEqualTo(9);

    // the item's registered hashes, as hexBinary with the vocabulary's method names
    JsonNode registered = actions.get(0);
    JsonNode file = byId.get(registered.at("/uco-action:result/1/@id").textValue());
    assertThat(file.get("@type").textValue()).isEqualTo("uco-observable:File");
    JsonNode hash = file.at("/uco-core:hasFacet/0/uco-observable:hash/2");
    assertThat(hash.get("uco-types:hashMethod").textValue()).isEqualTo("SHA256");
    assertThat(hash.at("/uco-types:hashValue/@type").textValue()).isEqualTo("xsd:hexBinary");
    assertThat(hash.at("/uco-types:hashValue/@value").textValue())
        .isEqualTo(ExportFixtures.hashes(dir.resolve("stick.bin")).get(dev.forensics.hash.HashAlgorithm.SHA256).orElseThrow().hex());
    // hostile text survives as data
    assertThat(actions.get(9).get("uco-core:description").textValue()).contains(ExportFixtures.HOSTILE);
  }

  @Test
  void tamperedLedger_isNotExported() throws Exception {
    Path ledger = ExportFixtures.realistic(dir);
    List<String> lines = CustodyFixtures.lines(ledger);
    lines.set(3, lines.get(3).replace("S-101", "S-102"));
    CustodyFixtures.write(ledger, lines);
    CustodyReport r = CustodyReport.read(ledger, List.of());
    assertThat(r.intact()).isFalse();
    assertThatThrownBy(() -> CaseExport.write(r, new ByteArrayOutputStream()))
        .isInstanceOf(CustodyViolationException.class).hasMessageContaining("not exported to CASE");
  }
}
