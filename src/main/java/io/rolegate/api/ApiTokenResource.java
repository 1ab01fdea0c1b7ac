package io.rolegate.api;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.rolegate.account.Role;
import io.rolegate.web.Flash;
import io.rolegate.web.FormErrors;
import io.rolegate.web.Forms;
import io.rolegate.web.HandlesRefusedInput;
import io.rolegate.web.Page;
import io.rolegate.web.Redirect;
import io.rolegate.web.RefusedInput;

/**
 * Administrators' API tokens. A new token's secret is shown once: it travels to the list page in the
 * encrypted, read-once flash cookie (two minutes at most) and is never stored or shown again.
 */
@Path("/staff/api-tokens")
@RolesAllowed(Role.ADMIN_ROLE)
public class ApiTokenResource {

    static final int MAX_NAME = 100;
    static final String CREATED_FLASH = "flash_api_token_created";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<ApiToken> tokens, TokenForm form, FormErrors errors,
                List<Scope> scopes, String newSecret);
    }

    /** The creation form as posted, and as shown back after an error. */
    public record TokenForm(String name, Set<String> scopes) {
        public boolean checked(Scope scope) {
            return scopes.contains(scope.id());
        }

        public String shownName() {
            return name == null ? "" : name.substring(0, Math.min(name.length(), MAX_NAME + 1));
        }
    }

    private final ApiTokenService tokens;
    private final Page page;
    private final Redirect redirect;
    private final RefusedInput refused;

    ApiTokenResource(ApiTokenService tokens, Page page, Redirect redirect, RefusedInput refused) {
        this.tokens = tokens;
        this.page = page;
        this.redirect = redirect;
        this.refused = refused;
    }

    /**
     * The list, and the new token's secret right after its creation. The response itself clears the flash
     * cookie and forbids caching, so a reload or the back button never shows the secret again.
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list() {
        Flash flash = page.getFlash();
        String newSecret = flash != null && CREATED_FLASH.equals(flash.key()) ? flash.argument(1) : "";
        return Response.ok(Templates.list(tokens.list(), new TokenForm("", Set.of(Scope.READ.id())), FormErrors.NONE,
                        List.of(Scope.values()), newSecret))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .cookie(new NewCookie.Builder(Flash.COOKIE).value("").path("/").maxAge(0).httpOnly(true)
                        .sameSite(NewCookie.SameSite.STRICT).build())
                .build();
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    @HandlesRefusedInput
    public Response create(@FormParam("name") String name, @FormParam("scopes") List<String> scopes) {
        TokenForm form = new TokenForm(name, scopes == null ? Set.of() : Set.copyOf(scopes));
        Map<String, List<FormErrors.Text>> errors = new LinkedHashMap<>();
        String trimmed = Forms.strip(name);
        if (trimmed.isEmpty()) {
            errors.put("name", List.of(text("error_name_required")));
        } else if (trimmed.length() > MAX_NAME) {
            errors.put("name", List.of(text("error_name_length", MAX_NAME)));
        }
        Optional<Set<Scope>> parsed = parseScopes(form.scopes());
        if (parsed.isEmpty() || parsed.get().isEmpty()) {
            errors.put("scopes", List.of(text("error_scopes_required")));
        }
        FormErrors shown = refused.errors().and(new FormErrors(errors));
        if (!shown.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.list(tokens.list(), form, shown, List.of(Scope.values()), ""))
                    .build();
        }
        ApiTokenService.Issued issued = tokens.issue(trimmed, parsed.get(), page.getUser());
        return redirect.to("/staff/api-tokens#new-token",
                Flash.success(CREATED_FLASH, issued.token().name, issued.secret().value()));
    }

    @POST
    @Path("{id}/revoke")
    @Produces(MediaType.TEXT_HTML)
    public Response revoke(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
        if (!tokens.revoke(uuid, page.getUser())) {
            throw new NotFoundException();
        }
        return redirect.to("/staff/api-tokens", Flash.success("flash_api_token_revoked"));
    }

    private static Optional<Set<Scope>> parseScopes(Set<String> ids) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String id : ids) {
            Optional<Scope> scope = Scope.parse(id);
            if (scope.isEmpty()) {
                return Optional.empty();
            }
            scopes.add(scope.get());
        }
        return Optional.of(scopes);
    }

    private static FormErrors.Text text(String key, Object... args) {
        return new FormErrors.Text(key, new ArrayList<>(List.of(args)));
    }
}
