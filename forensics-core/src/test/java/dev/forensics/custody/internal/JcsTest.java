package dev.forensics.custody.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JcsTest {

  private static final ObjectMapper M = new ObjectMapper();

  private static String jcs(String json) throws Exception {
    return new String(Jcs.canonicalize(M.readTree(json)), StandardCharsets.UTF_8);
  }

  @Test
  void rfc8785_sortingExample_ordersByUtf16CodeUnits() throws Exception {
    // RFC 8785 section 3.2.3
    String in = "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With Dagesh\","
        + "\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\",\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}";
    JsonNode out = M.readTree(Jcs.canonicalize(M.readTree(in)));
    StringBuilder values = new StringBuilder();
    out.fields().forEachRemaining(e -> values.append(e.getValue().textValue()).append('|'));
    assertThat(values.toString()).isEqualTo("Carriage Return|One|Control|Latin Small Letter O With Diaeresis|"
        + "Euro Sign|Emoji: Grinning Face|Hebrew Letter Dalet With Dagesh|");
  }

  @Test
  void rfc8785_stringsAndLiteralsExample() throws Exception {
    // RFC 8785 section 3.2.2 (without the floating-point numbers, which this profile refuses)
    String in = "{\n  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n  \"literals\": [null, true, false]\n}";
    assertThat(jcs(in)).isEqualTo("{\"literals\":[null,true,false],\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
  }

  @Test
  void integers_areWrittenPlain_othersRefused() throws Exception {
    assertThat(jcs("{\"a\":[0,-0,-1,9007199254740991,-9007199254740991]}")).isEqualTo("{\"a\":[0,0,-1,9007199254740991,-9007199254740991]}");
    assertThatThrownBy(() -> jcs("[1E2]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> jcs("[1.5]")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("integers");
    assertThatThrownBy(() -> jcs("[9007199254740993]")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pair_equalsCanonicalFormWithoutTheMember() throws Exception {
    for (String json : List.of("{\"a\":1,\"sigs\":[2],\"z\":3}", "{\"sigs\":[2],\"z\":3}", "{\"a\":1,\"sigs\":[2]}",
        "{\"sigs\":[]}", "{\"a\":{\"sigs\":1}}",
        "{\"a\":\"\u00e9\u20ac\ud83d\ude00\",\"sigs\":[\"\u00fc\"],\"z\":\"\u65e5\u672c\"}",
        "{\"sigs\":[\"\u00fc\ud83d\ude00\"],\"z\":\"\u65e5\"}", "{\"\u00e9\":\"\u20ac\",\"sigs\":[\"\u00fc\"]}")) {
      ObjectNode o = (ObjectNode) M.readTree(json);
      byte[][] pair = Jcs.canonicalizePair(o, "sigs");
      assertThat(pair[0]).isEqualTo(Jcs.canonicalize(o));
      ObjectNode without = o.deepCopy();
      without.remove("sigs");
      assertThat(new String(pair[1], StandardCharsets.UTF_8)).as(json).isEqualTo(new String(Jcs.canonicalize(without), StandardCharsets.UTF_8));
    }
  }

  @Test
  void loneSurrogate_isRefused() {
    ObjectNode o = M.createObjectNode().put("k", "a\ud800b");
    assertThatThrownBy(() -> Jcs.canonicalize(o)).hasMessageContaining("unpaired surrogate");
  }

  @Test
  void controlCharacters_escapedShortOrLowerHex() throws Exception {
    ObjectNode o = M.createObjectNode().put("k", "\u0000\u0007\b\t\n\f\r\u001f\u007f é");
    assertThat(new String(Jcs.canonicalize(o), StandardCharsets.UTF_8))
        .isEqualTo("{\"k\":\"\\u0000\\u0007\\b\\t\\n\\f\\r\\u001f\u007f é\"}");
  }

  /** Python's json with sorted keys and no spaces agrees with JCS for strings within the BMP below U+D800. */
  @Test
  void agreesWithPython_onRandomStringObjects(@TempDir Path dir) throws Exception {
    assumeTrue(onPath("python3"), "python3 not installed; skipping the cross-check");
    Random rnd = new Random(42);
    StringBuilder lines = new StringBuilder();
    StringBuilder ours = new StringBuilder();
    for (int n = 0; n < 200; n++) {
      ObjectNode o = M.createObjectNode();
      int keys = 1 + rnd.nextInt(6);
      for (int k = 0; k < keys; k++) {
        String key = randomString(rnd);
        if (rnd.nextBoolean()) {
          o.put(key, randomString(rnd));
        } else {
          o.putArray(key).add(rnd.nextInt()).add(rnd.nextBoolean()).addNull().addObject().put(randomString(rnd), randomString(rnd));
        }
      }
      lines.append(M.writeValueAsString(o)).append('\n');
      ours.append(new String(Jcs.canonicalize(o), StandardCharsets.UTF_8)).append('\n');
    }
    Path in = dir.resolve("in.jsonl");
    Files.writeString(in, lines.toString(), StandardCharsets.UTF_8);
    Process p = new ProcessBuilder("python3", "-c",
        "import json,sys\nfor l in open(sys.argv[1],encoding='utf-8'):\n"
            + "  sys.stdout.buffer.write(json.dumps(json.loads(l),sort_keys=True,separators=(',',':'),ensure_ascii=False).encode('utf-8')+b'\\n')",
        in.toString()).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo(ours.toString());
  }

  private static String randomString(Random rnd) {
    String alphabet = "abcXYZ019 \"\\/\u0000\u0001\u001f\b\t\n\r\féàß€中文ا\u0080\u00ff\u07ff\u0800";
    int len = rnd.nextInt(8);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < len; i++) {
      sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  static boolean onPath(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
        return true;
      }
    }
    return false;
  }
}
