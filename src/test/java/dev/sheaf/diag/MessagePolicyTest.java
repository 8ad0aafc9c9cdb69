package dev.sheaf.diag;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The policy table in docs/RELIABILITY.md lists every message id with the severity the code gives it. */
class MessagePolicyTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z]+-\\d{3})` \\| (error|warning|info) \\|.*", Pattern.MULTILINE);

    @Test
    void should_list_every_message_id_with_its_severity() throws Exception {
        String doc = Files.readString(Path.of("docs/RELIABILITY.md"));
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher m = ROW.matcher(doc);
        while (m.find()) {
            assertThat(documented.put(m.group(1), m.group(2))).as("listed twice: " + m.group(1)).isNull();
        }
        Map<String, String> code = new LinkedHashMap<>();
        for (MessageId id : MessageId.values()) {
            code.put(id.code(), id.defaultSeverity().name().toLowerCase(Locale.ROOT));
        }
        assertThat(documented).containsExactlyInAnyOrderEntriesOf(code);
    }

    @Test
    void should_have_a_text_for_every_message_id() {
        ResourceBundle texts = ResourceBundle.getBundle("dev.sheaf.diag.Messages", Locale.ROOT);
        assertThat(Arrays.stream(MessageId.values()).map(Enum::name)).allMatch(texts::containsKey);
    }

    @Test
    void should_keep_content_problems_from_stopping_a_book() {
        // Everything about what a piece's Markdown body holds degrades with a warning.
        assertThat(Arrays.stream(MessageId.values()).filter(id -> id.code().startsWith("MD-")
                || id.code().startsWith("IMG-"))).allMatch(id -> id.defaultSeverity() != Severity.ERROR);
    }
}
