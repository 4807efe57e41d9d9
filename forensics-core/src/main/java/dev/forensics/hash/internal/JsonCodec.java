package dev.forensics.hash.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forensics.hash.Digest;
import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import dev.forensics.hash.ManifestEntry;
import dev.forensics.hash.ManifestFormat;
import dev.forensics.hash.ManifestInfo;
import dev.forensics.hash.ManifestParseException;
import dev.forensics.hash.ManifestReadResult;
import dev.forensics.hash.ManifestWriter;
import dev.forensics.hash.Piece;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The toolkit's own JSON manifest, written field by field in a fixed order:
 * {@code {"format":"forensics-manifest","version":1,"creator","command","invokedFrom","created",
 * "algorithms":[..],"pieceSize","entries":[{"path","size","modified","hashes":{..},"pieces":[{"offset",
 * "length","hashes"}]}]}}; absent optional fields are left out.
 */
final class JsonCodec {

  static final String FORMAT = "forensics-manifest";
  static final int VERSION = 1;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          .build();
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  private JsonCodec() {}

  // ---------------------------------------------------------------- writing

  static ManifestWriter writer(OutputStream out, ManifestInfo info) throws IOException {
    return new JsonWriter(out, info);
  }

  private static final class JsonWriter extends OrderedWriter {
    private final JsonGenerator g;
    private final List<HashAlgorithm> algorithms;

    JsonWriter(OutputStream out, ManifestInfo info) throws IOException {
      this.algorithms = info.algorithms();
      this.g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
      DefaultIndenter lf = new DefaultIndenter("  ", "\n");
      g.setPrettyPrinter(new DefaultPrettyPrinter()
          .withSeparators(Separators.createDefaultInstance()
              .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
              .withObjectEmptySeparator("")
              .withArrayEmptySeparator(""))
          .withObjectIndenter(lf)
          .withArrayIndenter(lf));
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeNumberField("version", VERSION);
      if (info.creator().isPresent()) {
        g.writeStringField("creator", info.creator().get());
      }
      if (info.command().isPresent()) {
        g.writeStringField("command", info.command().get());
      }
      if (info.invokedFrom().isPresent()) {
        g.writeStringField("invokedFrom", info.invokedFrom().get());
      }
      if (info.created().isPresent()) {
        g.writeStringField("created", info.created().get().toString());
      }
      g.writeArrayFieldStart("algorithms");
      for (HashAlgorithm a : algorithms) {
        g.writeString(a.id());
      }
      g.writeEndArray();
      if (info.pieceSize() > 0) {
        g.writeNumberField("pieceSize", info.pieceSize());
      }
      g.writeArrayFieldStart("entries");
    }

    @Override
    void writeEntry(ManifestEntry e) throws IOException {
      g.writeStartObject();
      g.writeStringField("path", e.path());
      if (e.hasSize()) {
        g.writeNumberField("size", e.size());
      }
      if (e.modified().isPresent()) {
        g.writeStringField("modified", e.modified().get().toString());
      }
      hashes(e.digests());
      if (!e.pieces().isEmpty()) {
        g.writeArrayFieldStart("pieces");
        for (Piece p : e.pieces()) {
          g.writeStartObject();
          g.writeNumberField("offset", p.offset());
          g.writeNumberField("length", p.length());
          hashes(p.digests());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    }

    private void hashes(DigestSet digests) throws IOException {
      g.writeObjectFieldStart("hashes");
      for (HashAlgorithm a : algorithms) {
        Optional<Digest> d = digests.get(a);
        if (d.isPresent()) {
          g.writeStringField(a.id(), d.get().hex());
        }
      }
      g.writeEndObject();
    }

    @Override
    void finish() throws IOException {
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
      g.close();
    }
  }

  // ---------------------------------------------------------------- reading

  static ManifestReadResult read(InputStream in, String source) throws IOException {
    ManifestAssembler a = new ManifestAssembler(source);
    try (JsonParser p = FACTORY.createParser(Boms.skip(in))) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new ManifestParseException(source, line(p),
            "expected a JSON object with \"format\": \"" + FORMAT + "\"");
      }
      String format = null;
      List<HashAlgorithm> algorithms = new ArrayList<>();
      boolean algorithmsGiven = false;
      long pieceSize = -1;
      String creator = null;
      String command = null;
      String invokedFrom = null;
      Instant created = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        long at = line(p);
        switch (field) {
          case "format":
            format = value == JsonToken.VALUE_STRING ? p.getText() : p.readValueAsTree().toString();
            if (!FORMAT.equals(format)) {
              throw new ManifestParseException(source, at,
                  "expected \"format\": \"" + FORMAT + "\", found " + Values.show(format));
            }
            break;
          case "version":
            if (value != JsonToken.VALUE_NUMBER_INT || p.getLongValue() != VERSION) {
              throw new ManifestParseException(source, at,
                  "unsupported version " + p.readValueAsTree() + " (this reader knows version " + VERSION + ")");
            }
            break;
          case "creator":
            creator = text(p, a, field);
            break;
          case "command":
            command = text(p, a, field);
            break;
          case "invokedFrom":
            invokedFrom = text(p, a, field);
            break;
          case "created":
            String c = text(p, a, field);
            if (c != null) {
              try {
                created = Values.instant(c, "created");
              } catch (RecordException e) {
                a.problem(at, e.getMessage() + "; ignored");
              }
            }
            break;
          case "algorithms":
            algorithmsGiven = true;
            readAlgorithms(p, a, algorithms);
            break;
          case "pieceSize":
            if (value == JsonToken.VALUE_NUMBER_INT && p.getLongValue() >= 0) {
              pieceSize = p.getLongValue();
            } else {
              a.problem(at, "pieceSize: expected a non-negative integer, found " + p.readValueAsTree() + "; ignored");
            }
            break;
          case "entries":
            if (value != JsonToken.START_ARRAY) {
              throw new ManifestParseException(source, at, "\"entries\" must be an array");
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
              long entryLine = line(p);
              JsonNode node = MAPPER.readTree(p);
              try {
                a.add(entry(node, a, entryLine), entryLine);
              } catch (RecordException e) {
                a.problem(entryLine, e.getMessage() + "; the entry is ignored");
              }
            }
            break;
          default:
            p.skipChildren();
        }
      }
      if (format == null) {
        throw new ManifestParseException(source, 1, "missing \"format\": \"" + FORMAT + "\"");
      }
      if (p.nextToken() != null) {
        throw new ManifestParseException(source, line(p), "unexpected content after the manifest object");
      }
      List<HashAlgorithm> algs = algorithmsGiven && !algorithms.isEmpty()
          ? algorithms : a.algorithmsSeenOr(new ArrayList<>(HashAlgorithm.DEFAULTS));
      return a.result(ManifestFormat.JSON, algs, Math.max(0, pieceSize),
          creator, command, invokedFrom, created);
    } catch (StreamReadException e) {
      throw new ManifestParseException(source, e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr()),
          "not well-formed JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static long line(JsonParser p) {
    return Math.max(0, p.currentTokenLocation().getLineNr());
  }

  private static String text(JsonParser p, ManifestAssembler a, String field) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    if (t != JsonToken.VALUE_NULL) {
      a.problem(line(p), field + ": expected a string, found " + p.readValueAsTree() + "; ignored");
    }
    return null;
  }

  private static void readAlgorithms(JsonParser p, ManifestAssembler a, List<HashAlgorithm> out) throws IOException {
    long at = line(p);
    JsonNode node = MAPPER.readTree(p);
    if (!node.isArray()) {
      throw new ManifestParseException(a.source(), at, "\"algorithms\" must be an array of algorithm ids");
    }
    for (JsonNode n : node) {
      Optional<HashAlgorithm> alg = n.isTextual() ? HashAlgorithm.lookup(n.asText()) : Optional.empty();
      if (alg.isPresent() && !out.contains(alg.get())) {
        out.add(alg.get());
      } else {
        a.problem(at, "algorithms: " + n + " is not a supported hash algorithm (" + HashAlgorithm.knownNames()
            + "); ignored");
      }
    }
  }

  private static ManifestEntry entry(JsonNode n, ManifestAssembler a, long line) throws RecordException {
    if (!n.isObject()) {
      throw new RecordException("expected an entry object, found " + shorten(n));
    }
    JsonNode path = n.get("path");
    if (path == null || !path.isTextual()) {
      throw new RecordException("entry: \"path\" must be a string");
    }
    String p = Values.path(path.asText(), "entry: \"path\"");
    long size = ManifestEntry.UNKNOWN_SIZE;
    JsonNode s = n.get("size");
    if (s != null && !s.isNull()) {
      size = nonNegative(s, "size");
    }
    Instant modified = null;
    JsonNode m = n.get("modified");
    if (m != null && !m.isNull()) {
      if (!m.isTextual()) {
        throw new RecordException("modified: expected an ISO-8601 time string, found " + shorten(m));
      }
      modified = Values.instant(m.asText(), "modified");
    }
    DigestSet digests = hashes(n.get("hashes"), "hashes", a, line);
    List<Piece> pieces = new ArrayList<>();
    JsonNode ps = n.get("pieces");
    if (ps != null && !ps.isNull()) {
      if (!ps.isArray()) {
        throw new RecordException("pieces: expected an array, found " + shorten(ps));
      }
      for (int i = 0; i < ps.size(); i++) {
        JsonNode piece = ps.get(i);
        String at = "pieces[" + i + "]";
        if (!piece.isObject()) {
          throw new RecordException(at + ": expected an object, found " + shorten(piece));
        }
        long offset = nonNegative(piece.get("offset"), at + ".offset");
        long length = nonNegative(piece.get("length"), at + ".length");
        pieces.add(new Piece(offset, length, hashes(piece.get("hashes"), at + ".hashes", a, line)));
      }
    }
    return new ManifestEntry(p, size, modified, digests, pieces);
  }

  private static long nonNegative(JsonNode n, String field) throws RecordException {
    if (n == null || !n.canConvertToLong() || !n.isIntegralNumber() || n.asLong() < 0) {
      throw new RecordException(field + ": expected a non-negative integer, found " + (n == null ? "nothing" : shorten(n)));
    }
    return n.asLong();
  }

  private static DigestSet hashes(JsonNode n, String field, ManifestAssembler a, long line) throws RecordException {
    if (n == null || n.isNull()) {
      return DigestSet.empty();
    }
    if (!n.isObject()) {
      throw new RecordException(field + ": expected an object of hex digests, found " + shorten(n));
    }
    List<Digest> digests = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      Optional<HashAlgorithm> alg = HashAlgorithm.lookup(e.getKey());
      if (alg.isEmpty()) {
        a.problem(line, field + ": " + Values.show(e.getKey()) + " is not a supported hash algorithm; ignored");
        continue;
      }
      if (!e.getValue().isTextual()) {
        throw new RecordException(field + "." + e.getKey() + ": expected a hex string, found " + shorten(e.getValue()));
      }
      digests.add(Values.digest(alg.get(), e.getValue().asText(), field + "." + e.getKey()));
    }
    try {
      return DigestSet.of(digests);
    } catch (IllegalArgumentException e) {
      throw new RecordException(field + ": " + e.getMessage());
    }
  }

  private static String shorten(JsonNode n) {
    String s = n.toString();
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }
}
