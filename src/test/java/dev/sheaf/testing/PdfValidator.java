package dev.sheaf.testing;

import org.verapdf.core.EncryptedPdfException;
import org.verapdf.core.ModelParsingException;
import org.verapdf.core.ValidationException;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * veraPDF as a library: the rules of PDF/UA-1 or PDF/A-2u that a PDF fails, each with how often it failed and
 * the first failure's context and message. An empty list is a pass.
 */
public final class PdfValidator {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfValidator() { }

    public static List<String> pdfUa1(Path pdf) {
        return failures(pdf, PDFAFlavour.PDFUA_1);
    }

    public static List<String> pdfA2u(Path pdf) {
        return failures(pdf, PDFAFlavour.PDFA_2_U);
    }

    /** Failed rules of {@code flavour}, one line each: clause-test ×count: message (context of the first). */
    public static synchronized List<String> failures(Path pdf, PDFAFlavour flavour) {
        try (InputStream in = Files.newInputStream(pdf);
             PDFAParser parser = Foundries.defaultInstance().createParser(in, flavour);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            ValidationResult result = validator.validate(parser);
            Map<String, int[]> counts = new TreeMap<>();
            Map<String, String> first = new TreeMap<>();
            for (TestAssertion a : result.getTestAssertions()) {
                if (a.getStatus() == TestAssertion.Status.FAILED) {
                    String rule = a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber();
                    counts.computeIfAbsent(rule, k -> new int[1])[0]++;
                    first.putIfAbsent(rule, a.getMessage() + " (" + a.getLocation().getContext() + ")");
                }
            }
            return counts.entrySet().stream()
                    .map(e -> e.getKey() + " ×" + e.getValue()[0] + ": " + first.get(e.getKey())).toList();
        } catch (IOException | ModelParsingException | EncryptedPdfException | ValidationException e) {
            return List.of("veraPDF could not read " + pdf + ": " + e);
        } catch (Exception e) {
            return List.of("veraPDF failed on " + pdf + ": " + e);
        }
    }
}
