package dev.forensics.custody;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SHACL check itself: a known-good minimal CASE graph (a file with its SHA-256, the provenance record
 * holding it, the action that made the record) gives no result at all, and the same graph with an integer
 * exhibit number gives exactly one violation.
 */
class CaseShaclTest {

  private static final String CONTEXT = """
      "@context": {
        "kb": "http://example.org/kb/",
        "case-investigation": "https://ontology.caseontology.org/case/investigation/",
        "uco-action": "https://ontology.unifiedcyberontology.org/uco/action/",
        "uco-core": "https://ontology.unifiedcyberontology.org/uco/core/",
        "uco-observable": "https://ontology.unifiedcyberontology.org/uco/observable/",
        "uco-types": "https://ontology.unifiedcyberontology.org/uco/types/",
        "xsd": "http://www.w3.org/2001/XMLSchema#"
      }""";

  private static String graph(String exhibitNumber) {
    return "{" + CONTEXT + """
        ,
          "@graph": [
            {
              "@id": "kb:file-6a3c3d3e-0b4f-4a8e-9d0b-8c1f6f3d9a01",
              "@type": "uco-observable:File",
              "uco-core:hasFacet": [ {
                "@id": "kb:content-data-facet-1b1d0f37-2f0e-4c47-8f5c-0f4a4b0c6f02",
                "@type": "uco-observable:ContentDataFacet",
                "uco-observable:hash": [ {
                  "@id": "kb:hash-7d0c6a8e-5a53-4f0e-8e0b-3c2b1d4e5f03",
                  "@type": "uco-types:Hash",
                  "uco-types:hashMethod": "SHA256",
                  "uco-types:hashValue": {
                    "@type": "xsd:hexBinary",
                    "@value": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" }
                } ]
              } ]
            },
            {
              "@id": "kb:provenance-record-2c9e4b1a-6f3d-4e8a-9b7c-1d2e3f4a5b04",
              "@type": "case-investigation:ProvenanceRecord",
              "case-investigation:exhibitNumber": EXHIBIT,
              "uco-core:object": [ { "@id": "kb:file-6a3c3d3e-0b4f-4a8e-9d0b-8c1f6f3d9a01" } ]
            },
            {
              "@id": "kb:investigative-action-3d8f5c2b-7a4e-4f9b-8c6d-2e3f4a5b6c05",
              "@type": "case-investigation:InvestigativeAction",
              "uco-action:startTime": {
                "@type": "xsd:dateTime", "@value": "2026-11-28T09:15:00Z" },
              "uco-action:result": [ { "@id": "kb:provenance-record-2c9e4b1a-6f3d-4e8a-9b7c-1d2e3f4a5b04" } ]
            }
          ]
        }
        """.replace("EXHIBIT", exhibitNumber);
  }

  @BeforeEach
  void ontologyPresent() {
    CaseShacl.assumePresent();
  }

  @Test
  void minimalProvenanceGraph_conforms() throws Exception {
    assertThat(CaseShacl.results(graph("\"EX-01\""))).isEmpty();
  }

  @Test
  void integerExhibitNumber_isAViolation() throws Exception {
    assertThat(CaseShacl.violations(graph("1")))
        .singleElement().asString().contains("exhibitNumber");
  }
}
