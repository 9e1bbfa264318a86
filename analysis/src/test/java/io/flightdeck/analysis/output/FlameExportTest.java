package io.flightdeck.analysis.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.analysis.flame.CallTree;
import io.flightdeck.analysis.flame.DiffTree;
import io.flightdeck.analysis.flame.FlameTree;

import java.io.StringReader;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class FlameExportTest {
    private static final String CLOSE_SCRIPT = "</script><script>alert(1)</script>";
    private static final FlameTree HOSTILE = FlameTree.parseCollapsed(
            "main;" + CLOSE_SCRIPT + ";x 30\nmain;a\"b'c&d @DATA@ @SCRIPT@\u2028\u0001;y 20\nmain 50\n",
            CallTree.Weight.SAMPLES);

    @Test
    void htmlNeverLetsANameCloseTheDataElementOrBecomeMarkup() {
        String html = FlameExport.html(HOSTILE, "t <b>" + CLOSE_SCRIPT);
        assertThat(html).doesNotContain(CLOSE_SCRIPT).doesNotContain("<b>").doesNotContain("\u2028")
                .doesNotContain("\u0001");
        // exactly the template's two script elements, and the names are there as JSON escapes
        assertThat(html.split("</script>", -1)).hasSize(3);
        assertThat(html).contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e")
                .contains("a\\\"b'c\\u0026d @DATA@ @SCRIPT@\\u2028\\u0001");
        assertThat(html).contains("<title>t &lt;b&gt;&lt;/script&gt;");
        // the script is the template's own, once
        assertThat(html.indexOf("JSON.parse(")).isEqualTo(html.lastIndexOf("JSON.parse("));
        assertThat(html).contains("\"v\":[100,100,30,30,20,20]");
    }

    @Test
    void svgIsValidXmlWhateverTheNames() throws Exception {
        String svg = FlameExport.svg(HOSTILE, "t " + CLOSE_SCRIPT);
        assertThat(svg).doesNotContain(CLOSE_SCRIPT);
        Document doc = parse(svg);
        assertThat(doc.getElementsByTagName("rect").getLength()).isEqualTo(1 + 6); // background + all, main, 2+2
        String diff = FlameExport.svg(DiffTree.of(HOSTILE, FlameTree.parseCollapsed("main;z 5", CallTree.Weight.SAMPLES)),
                "diff");
        Document d = parse(diff);
        boolean gone = false;
        for (int i = 0; i < d.getElementsByTagName("title").getLength(); i++) {
            String t = d.getElementsByTagName("title").item(i).getTextContent();
            gone |= t.startsWith(CLOSE_SCRIPT + "\nbaseline: 30 samples (30.00 %)\ncandidate: 0 samples (0.00 %)");
        }
        assertThat(gone).isTrue();
    }

    @Test
    void diffColoursGoFromGreyToRedOrBlue() {
        assertThat(FlameExport.diffColour(0, 10)).containsExactly(0xdc, 0xdc, 0xdc);
        assertThat(FlameExport.diffColour(10, 10)).containsExactly(0xd7, 0x30, 0x27);
        assertThat(FlameExport.diffColour(-10, 10)).containsExactly(0x21, 0x66, 0xac);
        int[] light = FlameExport.diffColour(1, 10);
        assertThat(light[0]).isGreaterThan(light[2]);
        assertThat(light[1]).isGreaterThan(0x30); // lighter than the full red
        assertThat(FlameExport.value(CallTree.Weight.BYTES, 1536)).isEqualTo("1.50 KiB");
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
}
