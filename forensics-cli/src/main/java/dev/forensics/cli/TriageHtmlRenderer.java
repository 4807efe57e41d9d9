package dev.forensics.cli;

import static dev.forensics.cli.HtmlText.escape;
import static dev.forensics.cli.HtmlText.evidence;

import dev.forensics.hash.HashAlgorithm;
import dev.forensics.knownfiles.KnownFileSet;
import dev.forensics.triage.ArchiveLimits;
import dev.forensics.triage.Category;
import dev.forensics.triage.Finding;
import dev.forensics.triage.FindingKind;
import dev.forensics.triage.TriageOptions;
import dev.forensics.triage.TriageRecord;
import dev.forensics.triage.TriageResult;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes a triage as one self-contained HTML page: the run's parameters, a bar chart of the files by
 * category (inline SVG), a table of every file that sorts by any column (a few lines of inline
 * JavaScript), every finding with its reason, and how the score is made. Nothing is fetched: the style
 * and script are inline and a Content-Security-Policy allows only those two (by their SHA-256) and no
 * network. Every value is escaped ({@link HtmlText}); the same input gives the same bytes.
 */
final class TriageHtmlRenderer {

  /**
   * What the report says about the run.
   *
   * @param inputs the paths as given on the command line
   * @param options the options the triage ran with
   * @param time when the run was made, or empty to leave it out (reproducible reports, tests)
   */
  record Run(List<String> inputs, TriageOptions options, Optional<Instant> time) {
    Run {
      inputs = List.copyOf(inputs);
      Objects.requireNonNull(options, "options");
      Objects.requireNonNull(time, "time");
    }
  }

  /** A table column: its key ({@code #sort=KEY}, heading {@code triage.html.col.KEY}) and whether it sorts as a number. */
  private record Column(String key, boolean numeric) {}

  /** The table's columns, in order: what a reader needs first on the left. */
  private static final List<Column> COLUMNS = List.of(
      new Column("score", true), new Column("path", false), new Column("findings", true),
      new Column("type", false), new Column("category", false), new Column("extension", false),
      new Column("mismatch", false), new Column("entropy", true), new Column("known", false),
      new Column("size", true), new Column("modified", false), new Column("sha256", false));

  static final String STYLE = """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:1.5rem;color:#1b1b1b;\
      background:#fff;line-height:1.4}
      h1{font-size:1.6rem;margin:0 0 .3rem}h2{font-size:1.25rem;margin:1.6rem 0 .5rem;border-bottom:1px solid #ccc}
      dl.run{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dl.run dt{font-weight:600}
      dl.run dd{margin:0}dl.run ul{margin:0;padding-left:1.2rem}
      .table-wrap{overflow-x:auto}
      table{border-collapse:collapse;font-size:.9rem}th,td{border:1px solid #ccc;padding:.25rem .4rem;vertical-align:top}
      thead th{background:#eef2f7;position:sticky;top:0}
      th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;text-align:left}
      th[aria-sort=ascending] button::after{content:" \\25B2"}th[aria-sort=descending] button::after{content:" \\25BC"}
      td.num{text-align:right;font-variant-numeric:tabular-nums}
      td.path,td.hash{font-family:ui-monospace,Menlo,Consolas,monospace;overflow-wrap:anywhere}
      td.path{min-width:24ch}td.hash{font-size:.7rem;min-width:12ch;max-width:18ch}
      th[data-key=findings]{min-width:36ch}th[data-key=type]{min-width:16ch}th[data-key=modified]{min-width:14ch}
      tr.scored td:first-child{font-weight:700;background:#fde8e8}
      tr.not-examined td{color:#6b6b6b;font-style:italic}
      td.yes{color:#a00;font-weight:600}
      ul.findings{margin:0;padding-left:1rem}ul.findings li{margin:.1rem 0}
      .kind{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85em}
      .ctl{background:#ffe08a;color:#000;border-radius:2px;padding:0 1px;font-family:ui-monospace,monospace}
      small{color:#555}
      svg text{font-size:13px;fill:#1b1b1b}svg rect{fill:#3b6ea8}
      table.kinds td:nth-child(2){text-align:right}
      """;

  static final String SCRIPT = """
      (function () {
        'use strict';
        var table = document.getElementById('files');
        var heads = table.tHead.rows[0].cells;
        var body = table.tBodies[0];
        function key(row, i, numeric) {
          var cell = row.cells[i];
          var v = cell.getAttribute('data-v');
          if (v === null) { v = cell.textContent; }
          if (!numeric) { return v; }
          return v === '' ? -Infinity : Number(v);
        }
        function sortBy(i) {
          var th = heads[i];
          var numeric = th.getAttribute('data-type') === 'number';
          var now = th.getAttribute('aria-sort');
          var dir = now ? (now === 'ascending' ? -1 : 1) : (numeric ? -1 : 1);
          var rows = Array.prototype.map.call(body.rows, function (r, n) {
            return {row: r, k: key(r, i, numeric), n: n};
          });
          rows.sort(function (a, b) {
            if (a.k < b.k) { return -dir; }
            if (a.k > b.k) { return dir; }
            return a.n - b.n;
          });
          for (var j = 0; j < heads.length; j++) { heads[j].removeAttribute('aria-sort'); }
          th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
          rows.forEach(function (e) { body.appendChild(e.row); });
        }
        Array.prototype.forEach.call(heads, function (th, i) {
          th.querySelector('button').addEventListener('click', function () { sortBy(i); });
        });
        var m = /^#sort=([a-z0-9-]+)(?::(asc|desc))?$/.exec(location.hash);
        var th = m && table.querySelector('th[data-key="' + m[1] + '"]');
        if (th) {
          var button = th.querySelector('button');
          button.click();
          if (m[2] && th.getAttribute('aria-sort') !== (m[2] === 'asc' ? 'ascending' : 'descending')) {
            button.click();
          }
        }
      })();
      """;

  private static final int CHART_LABEL_WIDTH = 120;
  private static final int CHART_BAR_WIDTH = 360;
  private static final int CHART_ROW_HEIGHT = 22;

  private TriageHtmlRenderer() {}

  /** Writes the report (UTF-8 text; {@code \n} line ends whatever the platform). */
  static void render(TriageResult result, Run run, Writer out) throws IOException {
    out.write(html(result, run));
    out.flush();
  }

  /** The report as a string. */
  static String html(TriageResult result, Run run) {
    StringBuilder h = new StringBuilder(16384 + result.records().size() * 600);
    String title = Messages.get("triage.html.title");
    h.append("<!DOCTYPE html>\n<html lang=\"").append(escape(language())).append("\">\n");
    h.append("<head>\n<meta charset=\"utf-8\">\n");
    h.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '")
        .append(cspHash(STYLE)).append("'; script-src '").append(cspHash(SCRIPT))
        .append("'; base-uri 'none'; form-action 'none'\">\n");
    h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.append("<meta name=\"generator\" content=\"forensics ").append(escape(VersionProvider.version())).append("\">\n");
    h.append("<title>").append(escape(title)).append("</title>\n");
    h.append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
    h.append("<header>\n<h1>").append(escape(title)).append("</h1>\n<p>")
        .append(escape(Messages.get("triage.html.intro"))).append("</p>\n</header>\n");
    runSection(h, result, run);
    chart(h, result.countsByCategory());
    table(h, result);
    scoreSection(h);
    h.append("<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void runSection(StringBuilder h, TriageResult result, Run run) {
    TriageOptions o = run.options();
    h.append("<section id=\"run\">\n<h2>").append(escape(Messages.get("triage.html.run"))).append("</h2>\n");
    h.append("<dl class=\"run\">\n");
    String time = run.time()
        .map(t -> {
          String iso = t.truncatedTo(ChronoUnit.SECONDS).toString();
          return "<time datetime=\"" + escape(iso) + "\">" + escape(Messages.get("triage.html.run.timeUtc", iso))
              + "</time>";
        })
        .orElse(escape(Messages.get("triage.html.run.timeNone")));
    item(h, "triage.html.run.time", time);
    item(h, "triage.html.run.tool", escape("forensics " + VersionProvider.version()));
    StringBuilder inputs = new StringBuilder("<ul>");
    for (String in : run.inputs()) {
      inputs.append("<li class=\"path\">").append(evidence(in)).append("</li>");
    }
    item(h, "triage.html.run.inputs", inputs.append("</ul>").toString());
    item(h, "triage.html.run.root", evidence(o.root().toString()));
    item(h, "triage.html.run.encryption", escape(Messages.get("triage.html.run.encryptionRule",
        String.format(Locale.ROOT, "%.3f", o.entropyThreshold()), String.valueOf(o.minEncryptedSize()))));
    item(h, "triage.html.run.hashes", escape(Messages.get(o.md5() ? "triage.html.run.hashesMd5" : "triage.html.run.hashesSha256")));
    StringBuilder sets = new StringBuilder();
    if (o.library().sets().isEmpty()) {
      sets.append(escape(Messages.get("triage.html.run.setsNone")));
    } else {
      sets.append("<ul>");
      for (KnownFileSet s : o.library().sets()) {
        sets.append("<li>").append(evidence(Messages.get("triage.html.run.set", Messages.get("kind." + s.kind().name()),
            s.name(), String.valueOf(s.size())))).append("</li>");
      }
      sets.append("</ul>");
    }
    item(h, "triage.html.run.sets", sets.toString());
    ArchiveLimits a = o.archives();
    item(h, "triage.html.run.archives", escape(a.enabled()
        ? Messages.get("triage.html.run.archivesOn", String.valueOf(a.maxDepth()), String.valueOf(a.maxEntries()),
            String.valueOf(a.maxExpandedBytes()), String.valueOf(a.maxRatio()))
        : Messages.get("triage.html.run.archivesOff")));
    List<TriageRecord> ranked = result.ranked();
    item(h, "triage.html.run.result", escape(Messages.get("triage.summary", String.valueOf(ranked.size()),
        String.valueOf(ranked.stream().filter(x -> x.score() > 0).count()),
        String.valueOf(result.count(TriageRecord.Status.UNREADABLE)),
        String.valueOf(result.count(TriageRecord.Status.SKIPPED)))));
    h.append("</dl>\n</section>\n");
  }

  private static void item(StringBuilder h, String labelKey, String valueHtml) {
    h.append("<dt>").append(escape(Messages.get(labelKey))).append("</dt><dd>").append(valueHtml).append("</dd>\n");
  }

  /** Horizontal bars, one per category that has files, in category order, scaled to the largest. */
  private static void chart(StringBuilder h, Map<Category, Long> counts) {
    String heading = Messages.get("triage.html.chart");
    h.append("<section id=\"categories\">\n<h2>").append(escape(heading)).append("</h2>\n");
    if (counts.isEmpty()) {
      h.append("<p>").append(escape(Messages.get("triage.html.chart.none"))).append("</p>\n</section>\n");
      return;
    }
    long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
    int width = CHART_LABEL_WIDTH + CHART_BAR_WIDTH + 60;
    int height = counts.size() * CHART_ROW_HEIGHT;
    h.append("<svg id=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"chart-title\" width=\"")
        .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
        .append(height).append("\">\n<title id=\"chart-title\">").append(escape(heading)).append("</title>\n");
    int y = 0;
    for (Map.Entry<Category, Long> c : counts.entrySet()) {
      long n = c.getValue();
      long bar = Math.max(2, Math.round((double) CHART_BAR_WIDTH * n / max));
      String id = escape(c.getKey().id());
      h.append("<g class=\"bar\" data-category=\"").append(id).append("\" data-count=\"").append(n)
          .append("\" transform=\"translate(0,").append(y).append(")\">")
          .append("<text class=\"label\" x=\"0\" y=\"15\">").append(id).append("</text>")
          .append("<rect x=\"").append(CHART_LABEL_WIDTH).append("\" y=\"3\" width=\"").append(bar)
          .append("\" height=\"16\"></rect>")
          .append("<text class=\"count\" x=\"").append(CHART_LABEL_WIDTH + bar + 6).append("\" y=\"15\">").append(n)
          .append("</text></g>\n");
      y += CHART_ROW_HEIGHT;
    }
    h.append("</svg>\n</section>\n");
  }

  private static void table(StringBuilder h, TriageResult result) {
    h.append("<section id=\"files-section\">\n<h2>").append(escape(Messages.get("triage.html.files"))).append("</h2>\n");
    h.append("<p>").append(escape(Messages.get("triage.html.files.help"))).append("</p>\n");
    h.append("<div class=\"table-wrap\">\n<table id=\"files\">\n<thead><tr>");
    for (Column c : COLUMNS) {
      h.append("<th data-key=\"").append(c.key()).append("\" data-type=\"").append(c.numeric() ? "number" : "text")
          .append('"').append(c.key().equals("score") ? " aria-sort=\"descending\"" : "").append("><button type=\"button\">")
          .append(escape(Messages.get("triage.html.col." + c.key()))).append("</button></th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    List<TriageRecord> rows = new ArrayList<>(result.ranked());
    for (TriageRecord r : result.records()) {
      if (r.status() != TriageRecord.Status.TRIAGED) {
        rows.add(r);
      }
    }
    for (TriageRecord r : rows) {
      row(h, r);
    }
    h.append("</tbody>\n</table>\n</div>\n</section>\n");
  }

  private static void row(StringBuilder h, TriageRecord r) {
    Map<String, String> cells = new java.util.HashMap<>();
    if (r.status() != TriageRecord.Status.TRIAGED) {
      for (Column c : COLUMNS) {
        cells.put(c.key(), c.numeric() ? "<td class=\"num\" data-v=\"\"></td>" : "<td></td>");
      }
      cells.put("path", "<td class=\"path\">" + evidence(r.path()) + "</td>");
      cells.put("type", "<td>" + evidence(Messages.get("triage.html.status." + r.status().name().toLowerCase(Locale.ROOT),
          r.detail())) + "</td>");
      cells.put("extension", "<td>" + evidence(r.extension()) + "</td>");
      cells.put("findings", "<td data-v=\"0\"></td>");
      h.append("<tr class=\"not-examined\">");
    } else {
      boolean mismatch = r.extensionMismatch();
      String entropy = String.format(Locale.ROOT, "%.3f", r.entropy());
      cells.put("score", "<td class=\"num\" data-v=\"" + r.score() + "\">" + r.score() + "</td>");
      cells.put("path", "<td class=\"path\">" + evidence(r.path()) + "</td>");
      cells.put("findings", findings(r));
      cells.put("type", "<td data-v=\"" + escape(r.detection().mediaType()) + "\">" + escape(r.detection().mediaType())
          + "<br><small>" + escape(r.detection().basis().id())
          + (r.detection().evidence().isEmpty() ? "" : ": " + evidence(r.detection().evidence())) + "</small></td>");
      cells.put("category", "<td>" + escape(r.category().id()) + "</td>");
      cells.put("extension", "<td>" + evidence(r.extension()) + "</td>");
      cells.put("mismatch", (mismatch ? "<td class=\"yes\">" : "<td>")
          + escape(Messages.get(mismatch ? "triage.html.yes" : "triage.html.no")) + "</td>");
      cells.put("entropy", "<td class=\"num\" data-v=\"" + entropy + "\">" + entropy + "</td>");
      StringBuilder known = new StringBuilder("<td>")
          .append(escape(Messages.get("triage.html.known." + r.known().name().toLowerCase(Locale.ROOT))));
      for (String s : r.knownSets()) {
        known.append("<br><small>").append(evidence(s)).append("</small>");
      }
      cells.put("known", known.append("</td>").toString());
      cells.put("size", "<td class=\"num\" data-v=\"" + r.size() + "\">" + r.size() + "</td>");
      cells.put("modified", "<td>" + escape(r.modified().map(Instant::toString).orElse("")) + "</td>");
      cells.put("sha256", "<td class=\"hash\">"
          + escape(r.digests().get(HashAlgorithm.SHA256).map(d -> d.hex()).orElse("")) + "</td>");
      h.append(r.score() > 0 ? "<tr class=\"scored\">" : "<tr>");
    }
    for (Column c : COLUMNS) {
      h.append(Objects.requireNonNull(cells.get(c.key()), c.key()));
    }
    h.append("</tr>\n");
  }

  /** The findings cell: each finding's kind (linked to its explanation), weight and reason. */
  private static String findings(TriageRecord r) {
    StringBuilder h = new StringBuilder("<td data-v=\"").append(r.findings().size()).append("\">");
    if (!r.findings().isEmpty()) {
      h.append("<ul class=\"findings\">");
      for (Finding f : r.findings()) {
        int w = f.kind().weight();
        h.append("<li><a class=\"kind\" href=\"#kind-").append(f.kind().id()).append("\">").append(f.kind().id())
            .append("</a> <small>(").append(w > 0 ? "+" : "").append(w).append(")</small>: ")
            .append(evidence(TriageRenderer.reason(f))).append("</li>");
      }
      h.append("</ul>");
    }
    return h.append("</td>").toString();
  }

  private static void scoreSection(StringBuilder h) {
    h.append("<section id=\"score\">\n<h2>").append(escape(Messages.get("triage.html.score"))).append("</h2>\n");
    for (String key : new String[] {"triage.html.score.sum", "triage.html.score.type", "triage.html.score.entropy"}) {
      h.append("<p>").append(escape(Messages.get(key))).append("</p>\n");
    }
    h.append("<table class=\"kinds\">\n<thead><tr><th>").append(escape(Messages.get("triage.html.score.kind")))
        .append("</th><th>").append(escape(Messages.get("triage.html.score.weight"))).append("</th><th>")
        .append(escape(Messages.get("triage.html.score.when"))).append("</th></tr></thead>\n<tbody>\n");
    for (FindingKind k : FindingKind.values()) {
      int w = k.weight();
      h.append("<tr id=\"kind-").append(k.id()).append("\"><td class=\"kind\">").append(k.id()).append("</td><td>")
          .append(w > 0 ? "+" : "").append(w).append("</td><td>")
          .append(escape(Messages.get("triage.html.kind." + k.id()))).append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n</section>\n");
  }

  /** The language of the text the bundle gives (its base file is English). */
  private static String language() {
    Locale l = Messages.bundle().getLocale();
    return l.getLanguage().isEmpty() ? "en" : l.toLanguageTag();
  }

  /** A CSP source expression allowing exactly this inline element content. */
  private static String cspHash(String content) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
