package io.rolegate.verification;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.rolegate.diagnosis.FindingFacts;
import io.rolegate.diagnosis.TrustFinding;

/**
 * The help page every check result links to: each diagnosis code with its cause and fix, the fix naming its
 * values in capitals (a check's own page names the real ones), then the codes of the trust policy diagnosis
 * (docs/trust-diagnosis.md). Open to everyone.
 */
@Path("/help/codes")
public class DiagnosisCodeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance codes(List<DiagnosisCode> codes, FixFacts placeholders,
                List<TrustFinding> trustFindings, FindingFacts findingPlaceholders);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance codes() {
        return Templates.codes(List.of(DiagnosisCode.values()), FixFacts.PLACEHOLDERS, List.of(TrustFinding.values()),
                FindingFacts.PLACEHOLDERS);
    }
}
