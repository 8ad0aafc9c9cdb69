package dev.sheaf.testing;

import com.adobe.epubcheck.api.EPUBLocation;
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.messages.Message;
import com.adobe.epubcheck.messages.Severity;
import com.adobe.epubcheck.util.DefaultReportImpl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the W3C EPUBCheck on an EPUB file and returns every error and warning it reports. */
public final class EpubValidator {

    private EpubValidator() { }

    public static List<String> problems(Path epub) {
        List<String> problems = new ArrayList<>();
        DefaultReportImpl report = new DefaultReportImpl(epub.getFileName().toString()) {
            @Override
            public void message(Message message, EPUBLocation location, Object... args) {
                Severity s = message.getSeverity();
                if (s == Severity.ERROR || s == Severity.FATAL || s == Severity.WARNING) {
                    problems.add(s + " " + message.getID() + " " + location + " " + message.getMessage(args));
                }
            }
        };
        new EpubCheck(epub.toFile(), report).doValidate();
        return problems;
    }
}
