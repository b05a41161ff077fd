package dev.steward.rights.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import dev.steward.records.RevealedRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * The access report as a readable PDF (PDFBox): title, organisation, request, time of writing, then
 * one section per category with its purposes, sources and records, then retention, recipients and
 * transfers. The standard PDF fonts show Latin-1 only: other characters are shown as '?', and the
 * JSON of the same download holds every value exactly.
 */
final class ReportPdf {

    private static final float MARGIN = 50;
    private static final float LEADING = 14;
    private static final int WRAP = 95;

    private ReportPdf() {
    }

    static byte[] write(JsonMapper json, SubjectReport report) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("Report of your personal data", 16, true));
        lines.add(new Line("Organisation: " + report.tenantName(), 11, false));
        lines.add(new Line("Request: " + report.requestId(), 11, false));
        lines.add(new Line("Generated at: " + report.generatedAt(), 11, false));
        lines.add(new Line("Your identifier: " + report.subjectId(), 11, false));
        lines.add(new Line("Records held: " + report.records().size(), 11, false));
        for (SubjectReport.Category c : report.categories()) {
            lines.add(Line.GAP);
            lines.add(new Line("Category: " + c.name() + " (" + c.records() + " records)", 13, true));
            lines.add(new Line("Purposes: " + String.join(", ", c.purposes()), 11, false));
            lines.add(new Line("Sources: " + String.join(", ", c.sources()), 11, false));
            for (RevealedRecord r : report.records()) {
                if (!r.info().category().equals(c.name())) {
                    continue;
                }
                lines.add(new Line("Record " + r.info().id() + " (version " + r.info().version() + ", purpose "
                        + r.info().purpose().name() + ", created " + r.info().createdAt() + ")", 10, true));
                DocumentFields.each(json.readTree(r.documentJson()),
                        (field, value) -> lines.add(new Line("    " + field + ": " + value, 10, false)));
            }
        }
        section(lines, "Retention", report.retention());
        section(lines, "Recipients", SubjectReport.RECIPIENTS_NOTE);
        section(lines, "Transfers", report.transfers());
        return render(lines);
    }

    private record Line(String text, float size, boolean bold) {
        static final Line GAP = new Line("", 6, false);
    }

    private static void section(List<Line> lines, String title, String note) {
        lines.add(Line.GAP);
        lines.add(new Line(title, 13, true));
        lines.add(new Line(note, 11, false));
    }

    private static byte[] render(List<Line> lines) {
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPageContentStream page = null;
            float y = 0;
            for (Line line : lines) {
                for (String part : wrap(printable(line.text()))) {
                    if (page == null || y < MARGIN) {
                        if (page != null) {
                            page.close();
                        }
                        PDPage p = new PDPage(PDRectangle.A4);
                        doc.addPage(p);
                        page = new PDPageContentStream(doc, p);
                        y = p.getMediaBox().getHeight() - MARGIN;
                    }
                    page.beginText();
                    page.setFont(line.bold() ? bold : regular, line.size());
                    page.newLineAtOffset(MARGIN, y);
                    page.showText(part);
                    page.endText();
                    y -= Math.max(LEADING, line.size() + 4);
                }
            }
            if (page != null) {
                page.close();
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report's PDF in memory", e);
        }
    }

    private static List<String> wrap(String text) {
        List<String> out = new ArrayList<>();
        String rest = text;
        while (rest.length() > WRAP) {
            int cut = rest.lastIndexOf(' ', WRAP);
            cut = cut <= 0 ? WRAP : cut;
            out.add(rest.substring(0, cut));
            rest = "    " + rest.substring(cut).strip();
        }
        out.add(rest);
        return out;
    }

    /** What the standard fonts' encoding can show: printable ASCII and Latin-1; '?' for the rest. */
    private static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append((c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c <= 0xff) ? c : '?');
        }
        return b.toString();
    }
}
