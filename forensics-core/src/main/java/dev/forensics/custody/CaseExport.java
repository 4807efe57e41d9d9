package dev.forensics.custody;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.forensics.custody.internal.NameUuid;
import dev.forensics.hash.Digest;
import dev.forensics.hash.DigestSet;
import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes a verified ledger as CASE/UCO 1.4 JSON-LD: one {@code case-investigation:InvestigativeAction}
 * per event (performer, participant, location, instrument, startTime), whose {@code object} is the
 * item's previous {@code case-investigation:ProvenanceRecord} and the item, and whose {@code result} is
 * the item's next provenance record (exhibit number, the item and its images); items, images and
 * re-hashed files as {@code uco-observable:File} with {@code ContentDataFacet} hashes; custodians as
 * {@code uco-identity:Person}, places as {@code uco-location:Location}, tools as {@code uco-tool:Tool};
 * the case as a {@code case-investigation:Investigation} holding every action.
 *
 * <p>Every node has an IRI ending in a name-based UUID derived from the ledger's init entry hash and the
 * node's place in the ledger: no blank nodes, and the same ledger always gives the same bytes (fields in
 * a fixed order, two-space indent, {@code \n} line ends).
 */
public final class CaseExport {

  /** The prefix of every node IRI ({@code kb:}), as in the CASE examples. */
  public static final String KB = "http://example.org/kb/";

  private static final UUID NAMESPACE = NameUuid.v5(NameUuid.URL, "https://forensics.invalid/custody/case-export");
  private static final DateTimeFormatter XSD_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx");

  private final CustodyReport report;
  private final UUID ns;
  private final JsonGenerator g;

  private CaseExport(CustodyReport report, JsonGenerator g) {
    this.report = report;
    this.ns = NameUuid.v5(NAMESPACE, "ledger:" + report.init().orElseThrow().hashHex());
    this.g = g;
  }

  /**
   * Writes the JSON-LD document (UTF-8) to {@code out}, which is left open.
   *
   * @throws CustodyViolationException when the ledger did not verify: a CASE graph states provenance as
   *     fact, so a ledger that is not intact is not exported
   */
  public static void write(CustodyReport report, OutputStream out) throws IOException, CustodyViolationException {
    if (!report.intact() || report.init().isEmpty()) {
      throw new CustodyViolationException("the ledger is not intact ("
          + report.verification().problem().map(Object::toString).orElse("no init entry")
          + "): it is not exported to CASE; run 'forensics custody verify'");
    }
    JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    DefaultIndenter lf = new DefaultIndenter("  ", "\n");
    g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(lf).withArrayIndenter(lf));
    new CaseExport(report, g).document();
    g.flush();
    out.write('\n');
    out.flush();
  }

  private String iri(String kind, String name) {
    return "kb:" + kind + "-" + NameUuid.v5(ns, kind + ":" + name);
  }

  private String person(String name) {
    return iri("person", name);
  }

  private String location(String name) {
    return iri("location", name);
  }

  private String tool(String name, Optional<String> version) {
    return iri("tool", name + "\n" + version.orElse(""));
  }

  private String action(LedgerEntry e) {
    return iri("investigative-action", Long.toString(e.seq()));
  }

  private String record(LedgerEntry e) {
    return iri("provenance-record", Long.toString(e.seq()));
  }

  private String itemFile(String item) {
    return iri("file", "item:" + item);
  }

  private String imageFile(LedgerEntry e) {
    return iri("file", "image:" + e.seq());
  }

  private String rehashFile(LedgerEntry e) {
    return iri("file", "rehash:" + e.seq());
  }

  private void document() throws IOException {
    g.writeStartObject();
    g.writeObjectFieldStart("@context");
    g.writeStringField("kb", KB);
    g.writeStringField("case-investigation", "https://ontology.caseontology.org/case/investigation/");
    g.writeStringField("uco-action", "https://ontology.unifiedcyberontology.org/uco/action/");
    g.writeStringField("uco-core", "https://ontology.unifiedcyberontology.org/uco/core/");
    g.writeStringField("uco-identity", "https://ontology.unifiedcyberontology.org/uco/identity/");
    g.writeStringField("uco-location", "https://ontology.unifiedcyberontology.org/uco/location/");
    g.writeStringField("uco-observable", "https://ontology.unifiedcyberontology.org/uco/observable/");
    g.writeStringField("uco-tool", "https://ontology.unifiedcyberontology.org/uco/tool/");
    g.writeStringField("uco-types", "https://ontology.unifiedcyberontology.org/uco/types/");
    g.writeStringField("xsd", "http://www.w3.org/2001/XMLSchema#");
    g.writeEndObject();
    g.writeArrayFieldStart("@graph");
    List<CustodyReport.Event> events = report.events();
    investigation(events);
    people(events);
    places(events);
    tools(events);
    Map<String, List<String>> held = new HashMap<>(); // item -> files in its provenance record
    Map<String, String> lastRecord = new HashMap<>();
    for (CustodyReport.Event ev : events) {
      event(ev, held, lastRecord);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private void investigation(List<CustodyReport.Event> events) throws IOException {
    LedgerEntry init = report.init().orElseThrow();
    g.writeStartObject();
    g.writeStringField("@id", iri("investigation", "case"));
    g.writeStringField("@type", "case-investigation:Investigation");
    g.writeStringField("uco-core:name", init.field("case").orElseThrow());
    if (init.field("title").isPresent()) {
      g.writeStringField("uco-core:description", init.field("title").get());
    }
    g.writeStringField("case-investigation:investigationForm", "case");
    g.writeArrayFieldStart("uco-core:object");
    for (CustodyReport.Event ev : events) {
      ref(action(ev.entry()));
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private void people(List<CustodyReport.Event> events) throws IOException {
    java.util.TreeSet<String> names = new java.util.TreeSet<>();
    report.init().orElseThrow().custodians().forEach(c -> names.add(c.name()));
    for (CustodyReport.Event ev : events) {
      names.add(ev.entry().actor());
      ev.entry().field("released-by").ifPresent(names::add);
      ev.entry().field("received-by").ifPresent(names::add);
    }
    for (String n : names) {
      g.writeStartObject();
      g.writeStringField("@id", person(n));
      g.writeStringField("@type", "uco-identity:Person");
      g.writeStringField("uco-core:name", n);
      g.writeEndObject();
    }
  }

  private void places(List<CustodyReport.Event> events) throws IOException {
    java.util.TreeSet<String> names = new java.util.TreeSet<>();
    for (CustodyReport.Event ev : events) {
      ev.location().ifPresent(names::add);
      ev.entry().field("from").ifPresent(names::add);
    }
    for (String n : names) {
      g.writeStartObject();
      g.writeStringField("@id", location(n));
      g.writeStringField("@type", "uco-location:Location");
      g.writeStringField("uco-core:name", n);
      g.writeEndObject();
    }
  }

  private void tools(List<CustodyReport.Event> events) throws IOException {
    Map<String, LedgerEntry> seen = new TreeMap<>(); // "name\nversion" -> first entry naming it
    for (CustodyReport.Event ev : events) {
      LedgerEntry e = ev.entry();
      if (e.field("tool").isPresent()) {
        seen.putIfAbsent(e.field("tool").get() + "\n" + e.field("tool-version").orElse(""), e);
      }
    }
    for (LedgerEntry e : seen.values()) {
      g.writeStartObject();
      g.writeStringField("@id", tool(e.field("tool").get(), e.field("tool-version")));
      g.writeStringField("@type", "uco-tool:Tool");
      g.writeStringField("uco-core:name", e.field("tool").get());
      if (e.field("tool-version").isPresent()) {
        g.writeStringField("uco-tool:version", e.field("tool-version").get());
      }
      g.writeEndObject();
    }
  }

  private void event(CustodyReport.Event ev, Map<String, List<String>> held, Map<String, String> lastRecord)
      throws IOException {
    LedgerEntry e = ev.entry();
    List<String> newFiles = new ArrayList<>();
    if (e.item().isPresent() && e.type() == EventType.REGISTER) {
      file(itemFile(e.item().get()), "item:" + e.item().get(), Optional.empty(), e.field("description"), e.hashes());
      held.computeIfAbsent(e.item().get(), k -> new ArrayList<>()).add(itemFile(e.item().get()));
      newFiles.add(itemFile(e.item().get()));
    }
    if (e.type() == EventType.ACQUIRE) {
      file(imageFile(e), "image:" + e.seq(), e.field("image"), Optional.of("image of " + e.item().orElseThrow()), e.hashes());
      held.computeIfAbsent(e.item().get(), k -> new ArrayList<>()).add(imageFile(e));
      newFiles.add(imageFile(e));
    }
    if (e.rehash().isPresent()) {
      ItemRehash r = e.rehash().get();
      file(rehashFile(e), "rehash:" + e.seq(), Optional.of(r.path()),
          Optional.of("re-hashed copy of " + e.item().orElseThrow() + ": " + r.result().id()), r.hashes());
      newFiles.add(rehashFile(e));
    }
    g.writeStartObject();
    g.writeStringField("@id", action(e));
    g.writeStringField("@type", "case-investigation:InvestigativeAction");
    g.writeStringField("uco-core:name", e.type().id());
    g.writeStringField("uco-core:description", describe(e));
    g.writeObjectFieldStart("uco-action:startTime");
    g.writeStringField("@type", "xsd:dateTime");
    g.writeStringField("@value", XSD_TIME.format(e.time().atOffset(e.offset())));
    g.writeEndObject();
    g.writeFieldName("uco-action:performer");
    ref(person(e.actor()));
    List<String> participants = new ArrayList<>();
    e.field("received-by").filter(r -> !r.equals(e.actor())).ifPresent(participants::add);
    if (!participants.isEmpty()) {
      g.writeArrayFieldStart("uco-action:participant");
      for (String p : participants) {
        ref(person(p));
      }
      g.writeEndArray();
    }
    if (e.field("tool").isPresent()) {
      g.writeArrayFieldStart("uco-action:instrument");
      ref(tool(e.field("tool").get(), e.field("tool-version")));
      g.writeEndArray();
    }
    if (ev.location().isPresent()) {
      g.writeArrayFieldStart("uco-action:location");
      ref(location(ev.location().get()));
      g.writeEndArray();
    }
    if (e.item().isPresent()) {
      String item = e.item().get();
      String previous = lastRecord.get(item);
      if (e.type() != EventType.REGISTER) {
        g.writeArrayFieldStart("uco-action:object");
        if (previous != null) {
          ref(previous);
        }
        ref(itemFile(item));
        g.writeEndArray();
      }
      g.writeArrayFieldStart("uco-action:result");
      ref(record(e));
      for (String f : newFiles) {
        ref(f);
      }
      g.writeEndArray();
      g.writeEndObject();
      provenanceRecord(ev, held.getOrDefault(item, List.of()));
      lastRecord.put(item, record(e));
    } else {
      g.writeEndObject();
    }
  }

  private void provenanceRecord(CustodyReport.Event ev, List<String> files) throws IOException {
    LedgerEntry e = ev.entry();
    g.writeStartObject();
    g.writeStringField("@id", record(e));
    g.writeStringField("@type", "case-investigation:ProvenanceRecord");
    g.writeStringField("case-investigation:exhibitNumber", e.item().orElseThrow());
    StringBuilder d = new StringBuilder(e.item().get()).append(" after ").append(e.type().id())
        .append(" (ledger seq ").append(e.seq()).append(")");
    ev.receivedBy().ifPresent(r -> d.append(": held by ").append(r));
    ev.location().ifPresent(l -> d.append(" at ").append(l));
    ev.seal().ifPresent(s -> d.append(", seal ").append(s));
    g.writeStringField("uco-core:description", d.toString());
    g.writeArrayFieldStart("uco-core:object");
    for (String f : files) {
      ref(f);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private void file(String id, String key, Optional<String> fileName, Optional<String> description, DigestSet hashes)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("@id", id);
    g.writeStringField("@type", "uco-observable:File");
    if (description.isPresent()) {
      g.writeStringField("uco-core:description", description.get());
    }
    if (fileName.isPresent() || !hashes.isEmpty()) {
      g.writeArrayFieldStart("uco-core:hasFacet");
      if (fileName.isPresent()) {
        g.writeStartObject();
        g.writeStringField("@id", iri("file-facet", key));
        g.writeStringField("@type", "uco-observable:FileFacet");
        g.writeStringField("uco-observable:fileName", fileName.get());
        g.writeEndObject();
      }
      if (!hashes.isEmpty()) {
        g.writeStartObject();
        g.writeStringField("@id", iri("content-data-facet", key));
        g.writeStringField("@type", "uco-observable:ContentDataFacet");
        g.writeArrayFieldStart("uco-observable:hash");
        for (Digest h : hashes.digests()) {
          g.writeStartObject();
          g.writeStringField("@id", iri("hash", key + ":" + h.algorithm().id()));
          g.writeStringField("@type", "uco-types:Hash");
          g.writeStringField("uco-types:hashMethod", h.algorithm().tag());
          g.writeObjectFieldStart("uco-types:hashValue");
          g.writeStringField("@type", "xsd:hexBinary");
          g.writeStringField("@value", h.hex());
          g.writeEndObject();
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  /** The event's fields as {@code name: value; …} in name order, then its signers. */
  private static String describe(LedgerEntry e) {
    List<String> parts = new ArrayList<>();
    for (String f : e.fieldNames()) {
      if (f.equals("hashes") || f.equals("custodians")) {
        continue;
      }
      if (f.equals("rehash")) {
        ItemRehash r = e.rehash().orElseThrow();
        parts.add("rehash: " + r.result().id()
            + (r.against().isPresent() ? " against ledger seq " + r.against().getAsLong() : ""));
        continue;
      }
      parts.add(f + ": " + e.field(f).orElse(""));
    }
    parts.add("signed by: " + String.join(", ", e.signatures().stream().map(LedgerEntry.Signature::by).toList()));
    parts.add("ledger seq " + e.seq() + ", entry hash " + e.hashHex());
    return String.join("; ", parts);
  }

  private void ref(String id) throws IOException {
    g.writeStartObject();
    g.writeStringField("@id", id);
    g.writeEndObject();
  }
}
