package dev.recompose.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class HtmlReportTest {
  @TempDir Path tmp;

  private static int count(Document d, String xpath) throws Exception {
    return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, d,
        XPathConstants.NODESET)).getLength();
  }

  @Test
  void isWellFormedSelfContainedAndHasEveryChart() throws Exception {
    Path report = HtmlReport.write(ReportFixture.create(tmp));
    assertEquals(tmp.resolve("report.html"), report);
    String html = Files.readString(report);
    assertFalse(html.toLowerCase().contains("<script"), "no scripts");
    assertFalse(html.contains("src="), "nothing loaded");
    assertFalse(html.replace("http://www.w3.org/", "").contains("http"), "no external URL");
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(
        html.getBytes(StandardCharsets.UTF_8)));
    assertEquals(2, count(d, "//*[local-name()='svg' and contains(@class,'scatter')]"));
    assertEquals(2, count(d, "//*[local-name()='svg' and contains(@class,'bars')]"));
    assertEquals(2, count(d, "//*[local-name()='svg' and contains(@class,'line')]"),
        "loss and validation curves of the one run with a train-log.jsonl");
    assertEquals(ReportFixture.SCATTER_POINTS,
        count(d, "//*[local-name()='circle' and contains(@class,'mark') and"
            + " ancestor::*[local-name()='svg' and contains(@class,'scatter')]]"));
    assertEquals(2, count(d, "//*[local-name()='path' and @class='pareto']"));
    // synth front by latency: pop, itemknn, sasrec sid, sasrec id, sasrec emb, llm-rank; ml: 2
    assertEquals(6 + 2, count(d, "//*[local-name()='circle' and contains(@class,'front')]"));
    assertEquals(6 + 2, count(d, "//*[local-name()='rect' and @class='bar']"));
    assertEquals(1, count(d, "//*[local-name()='tr' and @class='best'] [ancestor::*[@id="
        + "'s-synth-full']]"));
    assertTrue(html.contains("time budget of 600.0 s exceeded &lt;&amp;&gt;"), "escaped reason");
    assertTrue(html.contains("0.2100 ± 0.0141"), "sasrec id mean ± std");
  }

  @Test
  void saysSoWhenNoRunLoggedCurves() throws Exception {
    Path dir = ReportFixture.create(tmp);
    Files.walk(dir).filter(p -> p.getFileName().toString().equals("train-log.jsonl"))
        .forEach(p -> p.toFile().delete());
    String html = Files.readString(HtmlReport.write(dir));
    assertTrue(html.contains("No run wrote a train-log.jsonl"));
  }
}
