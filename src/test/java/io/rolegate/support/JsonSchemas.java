package io.rolegate.support;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** The JSON Schema 2020-12 validator behind {@link ApiContract} (networknt's, which speaks Jackson 3: text in between). */
final class JsonSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private JsonSchemas() {
    }

    static ApiContract.SchemaCheck compile(JsonNode schema) {
        Schema compiled = REGISTRY.getSchema(schema.toString(), InputFormat.JSON);
        return instance -> compiled.validate(instance.toString(), InputFormat.JSON).stream()
                .map(Object::toString).toList();
    }
}
