package io.rolegate.aws.fake;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a CloudFormation template (YAML or JSON) into maps, lists and scalars, turning the YAML short forms
 * ({@code !Ref}, {@code !GetAtt}, {@code !Sub}, {@code !If}, {@code !Equals} …) into the long forms
 * ({@code {"Ref": …}}, {@code {"Fn::GetAtt": [resource, attribute]}} …) the JSON syntax uses. Dates stay strings,
 * as CloudFormation reads {@code AWSTemplateFormatVersion: 2010-09-09}.
 * (CloudFormation User Guide, "Intrinsic function reference".)
 */
final class TemplateReader {

    private static final List<String> FUNCTIONS = List.of("Base64", "Cidr", "FindInMap", "GetAZs", "ImportValue",
            "Join", "Select", "Split", "Sub", "Transform", "And", "Equals", "If", "Not", "Or", "ToJsonString", "Length");

    private TemplateReader() {
    }

    /** Parses the template; a document that is no YAML mapping throws {@link IllegalArgumentException}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> read(String template) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        DumperOptions unused = new DumperOptions();
        Yaml yaml = new Yaml(new IntrinsicConstructor(options), new Representer(unused), unused, options, new NoTimestamps());
        Object document;
        try {
            document = yaml.load(template);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("Template format error: YAML not well-formed. " + e.getMessage(), e);
        }
        if (!(document instanceof Map)) {
            throw new IllegalArgumentException("Template format error: not a mapping");
        }
        return (Map<String, Object>) document;
    }

    /** YAML 1.1 timestamps are left as strings, like CloudFormation does. */
    private static final class NoTimestamps extends Resolver {
        @Override
        public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
            if (!Tag.TIMESTAMP.equals(tag)) {
                super.addImplicitResolver(tag, regexp, first, limit);
            }
        }
    }

    private static final class IntrinsicConstructor extends SafeConstructor {

        IntrinsicConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            yamlConstructors.put(new Tag("!GetAtt"), new GetAtt());
            for (String function : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + function), new Intrinsic("Fn::" + function));
            }
        }

        private Object value(Node node) {
            if (node instanceof ScalarNode scalar) {
                return scalar.getValue();
            }
            if (node instanceof SequenceNode sequence) {
                return constructSequence(sequence);
            }
            return constructMapping((MappingNode) node);
        }

        /** {@code !Fn value} becomes {@code {"Fn::Fn": value}}, with the value read as scalar, list or map. */
        private final class Intrinsic extends AbstractConstruct {
            private final String name;

            Intrinsic(String name) {
                this.name = name;
            }

            @Override
            public Object construct(Node node) {
                return Map.of(name, value(node));
            }
        }

        /** {@code !GetAtt Role.Arn} is the string form of {@code {"Fn::GetAtt": ["Role", "Arn"]}}. */
        private final class GetAtt extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                Object value = value(node);
                if (value instanceof String text) {
                    int dot = text.indexOf('.');
                    if (dot < 1) {
                        throw new YAMLException("!GetAtt needs Resource.Attribute, was " + text);
                    }
                    return Map.of("Fn::GetAtt", List.of(text.substring(0, dot), text.substring(dot + 1)));
                }
                return Map.of("Fn::GetAtt", value);
            }
        }
    }
}
