package io.rolegate.policy;

import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPolicyWriter;

/**
 * Policy documents as every artifact carries them: pretty-printed JSON in printable ASCII, with every
 * other character written as a JSON unicode escape (a backslash, {@code u} and four hex digits). IAM
 * reads the escape as the character, and ASCII passes unchanged through every tool between the page
 * and IAM, whatever the encoding of the customer's shell or files (docs/artifacts.md).
 */
final class PolicyJson {

    private static final IamPolicyWriter WRITER = IamPolicyWriter.builder().prettyPrint(true).build();

    private PolicyJson() {
    }

    /** The document as downloaded, ending in a line break like any text file. */
    static String write(IamPolicy policy) {
        return ascii(WRITER.writeToString(policy)) + "\n";
    }

    /**
     * JSON text with every character above U+007E escaped; outside strings JSON is ASCII already.
     * Characters beyond the Basic Multilingual Plane become two escapes (a surrogate pair), as JSON requires.
     */
    static String ascii(String json) {
        int first = 0;
        while (first < json.length() && json.charAt(first) <= '\u007E') {
            first++;
        }
        if (first == json.length()) {
            return json; // the usual case, rendered on every setup page view: nothing to escape, nothing to copy
        }
        StringBuilder out = new StringBuilder(json.length() + 16).append(json, 0, first);
        for (int i = first; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c > '\u007E') {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
