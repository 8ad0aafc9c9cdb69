package dev.sheaf.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The published schemas, loaded from the classpath by a real validator (networknt, draft 2020-12). */
final class BookSchemas {

    /** Where the schemas live in the repository; failure messages point here. */
    static final String DIR = "src/main/resources/dev/sheaf/schema/";

    static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    static final YAMLMapper YAML = YAMLMapper.builder().build();
    static final JsonMapper JSON = JsonMapper.builder().build();

    private BookSchemas() {
    }

    static Schema schema(String name) {
        return REGISTRY.getSchema(SchemaLocation.of("classpath:dev/sheaf/schema/" + name + ".schema.json"));
    }

    static JsonNode json(String name) {
        try (InputStream in = BookSchemas.class.getResourceAsStream("/dev/sheaf/schema/" + name + ".schema.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The validator's complaints about a YAML text; empty when it is valid. */
    static List<String> problems(String schema, String yaml) {
        JsonNode node = yaml == null || yaml.isBlank() ? JSON.nullNode() : YAML.readTree(yaml);
        if (node == null || node.isMissingNode()) {
            node = JSON.nullNode();
        }
        return schema(schema).validate(node).stream().map(Error::toString).toList();
    }
}
