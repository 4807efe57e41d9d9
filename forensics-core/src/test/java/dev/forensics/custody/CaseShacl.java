package dev.forensics.custody;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Validates CASE/UCO JSON-LD with Apache Jena SHACL against the CASE 1.4.0 ontology (merged with UCO and its
 * shapes) kept beside the project in {@code ../shared/ontology/case-1.4.0.ttl}, the way {@code case_validate}
 * does: the export and the ontology are merged into one data graph, validated with the ontology as the
 * shapes graph. The project does not carry a copy of the ontology; tests that use this class are skipped
 * with {@link #MISSING} when it is absent.
 */
final class CaseShacl {

  static final String MISSING =
      "CASE ontology not found: put case-1.4.0.ttl (CASE 1.4.0 merged with UCO) at "
          + "../shared/ontology/case-1.4.0.ttl beside the project to validate CASE exports with SHACL";

  private static Graph ontology;
  private static Shapes shapes;

  private CaseShacl() {}

  /** The ontology file, found by walking up from the working directory to a folder holding {@code shared/}. */
  static Optional<Path> location() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/ontology/case-1.4.0.ttl");
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Skips the calling test, with {@link #MISSING}, when the ontology is not there. */
  static void assumePresent() {
    assumeTrue(location().isPresent(), MISSING);
  }

  /**
   * The ontology text with two known quirks fixed for a strict SPARQL 1.1 parser (pySHACL tolerates both):
   * the {@code types:Dictionary} constraints group by {@code ?value} while selecting {@code $this}, and one
   * constraint uses the {@code rdfs:} prefix without declaring it. Neither fix changes what is valid.
   */
  static String patched(String ttl) {
    String fixed = ttl.replace("GROUP BY ?value", "GROUP BY $this ?value");
    String undeclared =
        "\t\t\tPREFIX owl: <http://www.w3.org/2002/07/owl#>\n\t\t\tSELECT $this\n\t\t\tWHERE {\n"
            + "\t\t\t\t$this a rdfs:Datatype ;";
    if (!fixed.contains(undeclared)) {
      throw new IllegalStateException("the ontology changed: the rdfs: prefix quirk is not where expected");
    }
    return fixed.replace(
        undeclared,
        "\t\t\tPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n" + undeclared);
  }

  private static synchronized void load() throws IOException {
    if (shapes == null) {
      Path file = location().orElseThrow(() -> new IllegalStateException(MISSING));
      String ttl = patched(Files.readString(file, StandardCharsets.UTF_8));
      ontology = RDFParser.create().fromString(ttl).lang(Lang.TURTLE).toGraph();
      shapes = Shapes.parse(ontology);
    }
  }

  /** The SHACL violations (severity sh:Violation) of a CASE JSON-LD document, empty when it conforms. */
  static List<String> violations(String jsonLd) throws IOException {
    return results(jsonLd).stream().filter(r -> r.startsWith("Violation ")).toList();
  }

  /** Every SHACL result (violations, warnings and infos) of a CASE JSON-LD document, sorted. */
  static List<String> results(String jsonLd) throws IOException {
    load();
    Graph data = RDFParser.create().fromString(jsonLd).lang(Lang.JSONLD).toGraph();
    Graph merged = GraphFactory.createDefaultGraph();
    GraphUtil.addInto(merged, ontology);
    GraphUtil.addInto(merged, data);
    ValidationReport report = ShaclValidator.get().validate(shapes, merged);
    return report.getEntries().stream().map(CaseShacl::describe).sorted().toList();
  }

  private static String describe(ReportEntry e) {
    return e.severity().level().getLocalName() + " at " + e.focusNode() + " " + e.resultPath() + ": " + e.message();
  }
}
