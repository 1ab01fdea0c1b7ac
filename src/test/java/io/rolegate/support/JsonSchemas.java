package io.rolegate.support;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The JSON Schema 2020-12 validator behind {@link ApiContract} (networknt's, which speaks Jackson 3: text in between),
 * with formats (uuid, date-time, email) asserted, not only annotated.
 */
final class JsonSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private JsonSchemas() {
    }

    static ApiContract.SchemaCheck compile(JsonNode schema) {
        Schema compiled = REGISTRY.getSchema(schema.toString(), InputFormat.JSON);
        return instance -> compiled.validate(instance.toString(), InputFormat.JSON,
                        (execution, context) -> execution.executionConfig(config -> config.formatAssertionsEnabled(true)))
                .stream().map(Object::toString).toList();
    }
}
