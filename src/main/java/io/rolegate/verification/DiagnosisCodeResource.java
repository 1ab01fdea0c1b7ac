package io.rolegate.verification;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The help page every check result links to: each diagnosis code with its cause and fix, the fix naming its
 * values in capitals (a check's own page names the real ones). Open to everyone.
 */
@Path("/help/codes")
public class DiagnosisCodeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance codes(List<DiagnosisCode> codes, FixFacts placeholders);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance codes() {
        return Templates.codes(List.of(DiagnosisCode.values()), FixFacts.PLACEHOLDERS);
    }
}
