package dev.forensics.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.forensics.hash.Digest;
import dev.forensics.hash.DigestSet;
import dev.forensics.image.AcquisitionLog;
import dev.forensics.image.DamagedChunk;
import dev.forensics.image.EvidenceImage;
import dev.forensics.image.EwfGeometry;
import dev.forensics.image.EwfImage;
import dev.forensics.image.EwfMetadata;
import dev.forensics.image.HashCheck;
import dev.forensics.image.ImageVerification;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Prints image information and verification results as text or JSON. */
final class ImageRenderer {

  private ImageRenderer() {}

  /** The facts that JSON gives as numbers. */
  private static final java.util.Set<String> NUMBERS =
      java.util.Set.of("segments", "mediaSize", "bytesPerSector", "sectorsPerChunk", "sectorCount", "chunkCount");

  /** An acquisition log read for {@code --log}: its name as given, and what it says. */
  record ReadLog(String file, AcquisitionLog log) {}

  /** The facts of an image, label to value, in display order. */
  private static Map<String, String> facts(EvidenceImage img) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("format", img.format().name());
    f.put("segments", String.valueOf(img.segments().size()));
    f.put("mediaSize", String.valueOf(img.size()));
    if (img instanceof EwfImage ewf) {
      EwfGeometry g = ewf.geometry();
      f.put("bytesPerSector", String.valueOf(g.bytesPerSector()));
      f.put("sectorsPerChunk", String.valueOf(g.sectorsPerChunk()));
      f.put("sectorCount", String.valueOf(g.sectorCount()));
      f.put("chunkCount", String.valueOf(g.chunkCount()));
      g.compression().ifPresent(c -> f.put("compression", c.name().toLowerCase(java.util.Locale.ROOT)));
      EwfMetadata m = ewf.metadata();
      put(f, "caseNumber", m.caseNumber());
      put(f, "evidenceNumber", m.evidenceNumber());
      put(f, "examiner", m.examiner());
      put(f, "description", m.description());
      put(f, "notes", m.notes());
      date(m.acquisitionDate(), m.acquisitionInstant(), m.acquisitionTime(ZoneOffset.UTC))
          .ifPresent(v -> f.put("acquisitionDate", v));
      date(m.systemDate(), m.systemInstant(), m.systemTime(ZoneOffset.UTC))
          .ifPresent(v -> f.put("systemDate", v));
      put(f, "softwareVersion", m.softwareVersion());
      put(f, "operatingSystem", m.operatingSystem());
      for (Digest d : ewf.storedHashes().digests()) {
        f.put("stored." + d.algorithm().id(), d.hex());
      }
    }
    return f;
  }

  /**
   * A stored EWF date for display: an instant in ISO-8601 UTC, a {@code header} date (local time of the
   * acquiring machine, zone unknown) in ISO-8601 without offset and marked as local, else as stored.
   */
  private static Optional<String> date(Optional<String> stored, Optional<Instant> instant,
      Optional<LocalDateTime> local) {
    if (instant.isPresent()) {
      return Optional.of(instant.get().toString());
    }
    if (local.isPresent()) {
      return Optional.of(Messages.get("image.localTime", local.get().toString()));
    }
    return stored;
  }

  private static void put(Map<String, String> f, String key, Optional<String> value) {
    value.ifPresent(v -> f.put(key, v));
  }

  static void info(EvidenceImage img, OutputFormat format, PrintWriter out) throws IOException {
    Map<String, String> facts = facts(img);
    if (format == OutputFormat.json) {
      JsonGenerator g = json(out);
      g.writeStartObject();
      writeSegments(g, img);
      for (Map.Entry<String, String> e : facts.entrySet()) {
        if (NUMBERS.contains(e.getKey())) {
          g.writeNumberField(e.getKey(), Long.parseLong(e.getValue()));
        } else {
          g.writeStringField(e.getKey(), e.getValue());
        }
      }
      writeStructureNotes(g, img);
      g.writeEndObject();
      g.flush();
      out.println();
    } else {
      for (Path s : img.segments()) {
        out.println(Messages.get("image.segment", AuditRenderer.printable(s.toString())));
      }
      for (Map.Entry<String, String> e : facts.entrySet()) {
        out.println(label(e.getKey()) + ": " + AuditRenderer.printable(e.getValue()));
      }
      printStructureNotes(out, img);
    }
    out.flush();
  }

  static void verification(EvidenceImage img, ImageVerification v, Optional<ReadLog> log, OutputFormat format,
      PrintWriter out) throws IOException {
    String logName = log.map(l -> AuditRenderer.printable(l.file())).orElse("");
    if (format == OutputFormat.json) {
      JsonGenerator g = json(out);
      g.writeStartObject();
      g.writeStringField("format", img.format().name());
      writeSegments(g, img);
      g.writeNumberField("mediaSize", v.mediaSize());
      writeDigests(g, "calculated", v.calculated());
      if (log.isPresent()) {
        AcquisitionLog l = log.get().log();
        g.writeObjectFieldStart("log");
        g.writeStringField("file", log.get().file());
        g.writeStringField("tool", l.tool().displayName());
        writeDigests(g, "hashes", l.mediaHashes());
        g.writeArrayFieldStart("notes");
        for (String note : l.notes()) {
          g.writeString(note);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeArrayFieldStart("checks");
      for (HashCheck c : v.checks()) {
        g.writeStartObject();
        g.writeStringField("source", c.source());
        g.writeStringField("algorithm", c.expected().algorithm().id());
        g.writeStringField("expected", c.expected().hex());
        g.writeStringField("calculated", c.calculated().hex());
        g.writeBooleanField("matches", c.matches());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("damaged");
      for (DamagedChunk d : v.damaged()) {
        g.writeStartObject();
        g.writeNumberField("chunk", d.chunkIndex());
        g.writeNumberField("firstSector", d.firstSector());
        g.writeNumberField("lastSector", d.lastSector());
        g.writeStringField("reason", d.reason());
        g.writeEndObject();
      }
      g.writeEndArray();
      writeStructureNotes(g, img);
      g.writeBooleanField("passed", v.passed());
      g.writeEndObject();
      g.flush();
      out.println();
    } else {
      if (log.isPresent()) {
        out.println(Messages.get("image.logRead", logName, log.get().log().tool().displayName()));
        for (String note : log.get().log().notes()) {
          out.println(Messages.get("image.logNote", logName, AuditRenderer.printable(note)));
        }
      }
      printStructureNotes(out, img);
      for (DamagedChunk d : v.damaged()) {
        // sector numbers as strings: MessageFormat would group their digits ("2,176")
        out.println(Messages.get("image.damaged", String.valueOf(d.firstSector()), String.valueOf(d.lastSector()),
            d.reason()));
      }
      for (Digest d : v.calculated().digests()) {
        out.println(Messages.get("image.calculated", d.algorithm().id(), d.hex()));
      }
      for (HashCheck c : v.checks()) {
        out.println(
            Messages.get(
                !c.matches() ? "image.check.mismatch" : c.passes() ? "image.check.match" : "imageVerify.check.untrusted",
                c.expected().algorithm().id(),
                Messages.get("image.source." + c.source(), logName),
                c.expected().hex()));
      }
      if (v.checks().isEmpty()) {
        out.println(Messages.get("image.nothingToCompare"));
      }
      out.println(Messages.get(v.passed() ? "image.success" : "image.failure"));
    }
    out.flush();
  }

  /**
   * What is wrong with an E01's structure and was worked around (a table replaced by its copy, a table
   * and its copy that disagree); empty otherwise.
   */
  private static List<String> structureNotes(EvidenceImage img) {
    return img instanceof EwfImage ewf ? ewf.structureNotes() : List.of();
  }

  private static void writeStructureNotes(JsonGenerator g, EvidenceImage img) throws IOException {
    g.writeArrayFieldStart("structureNotes");
    for (String note : structureNotes(img)) {
      g.writeString(note);
    }
    g.writeEndArray();
  }

  private static void printStructureNotes(PrintWriter out, EvidenceImage img) {
    for (String note : structureNotes(img)) {
      out.println(Messages.get("imageVerify.structureNote", AuditRenderer.printable(note)));
    }
  }

  private static JsonGenerator json(PrintWriter out) throws IOException {
    JsonGenerator g = new JsonFactory().createGenerator(out);
    g.useDefaultPrettyPrinter();
    return g;
  }

  private static void writeDigests(JsonGenerator g, String field, DigestSet digests) throws IOException {
    g.writeObjectFieldStart(field);
    for (Digest d : digests.digests()) {
      g.writeStringField(d.algorithm().id(), d.hex());
    }
    g.writeEndObject();
  }

  private static void writeSegments(JsonGenerator g, EvidenceImage img) throws IOException {
    g.writeArrayFieldStart("segmentFiles");
    for (Path s : img.segments()) {
      g.writeString(s.toString());
    }
    g.writeEndArray();
  }

  private static String label(String key) {
    String k = key.startsWith("stored.") ? "stored" : key;
    String label = Messages.get("image.label." + k);
    return key.startsWith("stored.") ? label + " " + key.substring(7).toUpperCase(java.util.Locale.ROOT) : label;
  }
}
