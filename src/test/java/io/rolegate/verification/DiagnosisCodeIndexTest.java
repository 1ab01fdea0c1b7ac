package io.rolegate.verification;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rolegate.support.Session;

/** The diagnosis-code index (PRODUCT §8 {@code /help/codes}): titles, groups, a filter without JavaScript, anchors. */
@QuarkusTest
class DiagnosisCodeIndexTest {

    @Test
    void everyCodeIsListedWithItsTitleUnderItsGroupAndLinksToItsAnchor() {
        String page = Session.anonymous().get("/help/codes").then().statusCode(200).extract().asString();
        List<String> groups = List.of("id=\"group-trust\"", "id=\"group-s3\"", "id=\"group-kms\"", "id=\"group-aws\"",
                "id=\"group-vendor\"");
        for (int i = 1; i < groups.size(); i++) {
            assertTrue(page.indexOf(groups.get(i - 1)) < page.indexOf(groups.get(i)), groups.get(i));
        }
        assertTrue(page.contains("<a href=\"#RG-TRUST-DENIED\"><code>RG-TRUST-DENIED</code> AWS denied AssumeRole"), page);
        for (DiagnosisCode code : DiagnosisCode.values()) {
            assertTrue(page.contains("href=\"#" + code.id() + "\""), code.id());
            String group = "id=\"group-" + code.group().id() + "\"";
            int anchor = page.indexOf("id=\"" + code.id() + "\"");
            assertTrue(page.indexOf(group) < anchor, code.id() + " under " + group);
        }
        int kms = page.indexOf("id=\"RG-KMS-DECRYPT-DENIED\"");
        assertTrue(page.indexOf("id=\"group-kms\"") < kms && kms < page.indexOf("id=\"group-aws\""));
    }

    @Test
    void theFilterKeepsCodesWhoseIdentifierOrTitleMatchesWithoutJavaScript() {
        Session.anonymous().get("/help/codes?q=kms").then().statusCode(200)
                .body(containsString("id=\"RG-KMS-DECRYPT-DENIED\""))
                .body(not(containsString("id=\"RG-TRUST-DENIED\"")))
                .body(containsString("value=\"kms\""))
                .body(containsString("href=\"/help/codes\""));
        Session.anonymous().get("/help/codes?q=rg-trust-denied").then()
                .body(containsString("id=\"RG-TRUST-DENIED\"")).body(not(containsString("id=\"RG-S3-LIST-DENIED\"")));
        Session.anonymous().request().header("Accept-Language", "ja").queryParam("q", "復号").get("/help/codes").then()
                .statusCode(200)
                .body(containsString("id=\"RG-KMS-DECRYPT-DENIED\""))
                .body(not(containsString("id=\"RG-TRUST-DENIED\"")));
        Session.anonymous().get("/help/codes?group=s3").then()
                .body(containsString("id=\"RG-S3-LIST-DENIED\"")).body(containsString("id=\"RG-S3-THROTTLED\""))
                .body(not(containsString("id=\"RG-TRUST-DENIED\""))).body(not(containsString("id=\"RG-KMS-DECRYPT-DENIED\"")))
                .body(containsString("<option value=\"s3\" selected>"));
        Session.anonymous().get("/help/codes?q=almost").then().statusCode(200)
                .body(containsString("id=\"RG-TRUST-POLICY-EXTERNAL-ID-NEAR-MISS\""))
                .body(not(containsString("id=\"RG-TRUST-POLICY-DENY-STATEMENT\""))).body(not(containsString("id=\"RG-S3-LIST-DENIED\"")));
        Session.anonymous().get("/help/codes?group=s3").then()
                .body(not(containsString("id=\"RG-TRUST-POLICY-EXTERNAL-ID-NEAR-MISS\"")));
        Session.anonymous().get("/help/codes?q=no+such+words").then().statusCode(200)
                .body(containsString("No code matches.")).body(not(containsString("class=\"diagnosis-code\"")));
    }
}
