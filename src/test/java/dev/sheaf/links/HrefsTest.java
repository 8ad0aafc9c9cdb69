package dev.sheaf.links;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HrefsTest {

    @Test
    void should_percent_encode_what_a_uri_cannot_hold() {
        assertThat(Hrefs.encode("https://example.org/a b/ü?q=1 2#frag ment")).contains(
                "https://example.org/a%20b/%C3%BC?q=1%202#frag%20ment");
        assertThat(Hrefs.encode("https://zh.wikipedia.org/wiki/北京")).contains(
                "https://zh.wikipedia.org/wiki/%E5%8C%97%E4%BA%AC");
        assertThat(Hrefs.encode("https://example.org/%20already")).contains("https://example.org/%20already");
        assertThat(Hrefs.encode("https://example.org/100%")).contains("https://example.org/100%25");
        assertThat(Hrefs.encode("https://example.org/a#b#c")).contains("https://example.org/a#b%23c");
        assertThat(Hrefs.encode("https://example.org/a\"<b>|{c}")).contains("https://example.org/a%22%3Cb%3E%7C%7Bc%7D");
        assertThat(Hrefs.encode("mailto:a b@example.org")).contains("mailto:a%20b@example.org");
    }

    @Test
    void should_refuse_an_address_that_cannot_be_a_uri() {
        assertThat(Hrefs.encode("http://exa mple.org:99999999999/")).isEmpty();
    }

    @Test
    void should_know_schemes_and_decode() {
        assertThat(Hrefs.scheme("HTTPS://x")).contains("https");
        assertThat(Hrefs.scheme("other.md#x:y")).isEmpty();
        assertThat(Hrefs.scheme("C:/x")).contains("c");
        assertThat(Hrefs.safeScheme("javascript")).isFalse();
        assertThat(Hrefs.decode("grey%20zones%C3%BC%zz")).isEqualTo("grey zonesü%zz");
    }
}
