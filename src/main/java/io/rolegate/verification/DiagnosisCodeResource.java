package io.rolegate.verification;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.rolegate.web.Forms;
import io.rolegate.web.HandlesRefusedInput;
import io.rolegate.web.Language;
import io.rolegate.web.Page;
import io.rolegate.web.ReadMostly;
import io.rolegate.web.RefusedInput;

/**
 * The help page every check result links to: each diagnosis code with its title, cause and fix, grouped by where the
 * problem lies, the fix naming its values in capitals (a check's own page names the real ones). Open to everyone.
 * {@code q} keeps the codes whose identifier or title (in the page's language) contains it, {@code group} one group;
 * both work without JavaScript. Each code is linkable as {@code /help/codes#RG-…}.
 */
@Path("/help/codes")
public class DiagnosisCodeResource {

    static final int MAX_QUERY = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance codes(List<CodeGroup> groups, List<DiagnosisCode.Group> allGroups, String query,
                String group, boolean filtered, FixFacts placeholders, Set<String> trustFindings);
    }

    /** The codes of one group that the filter kept, in their published order. */
    public record CodeGroup(DiagnosisCode.Group group, List<DiagnosisCode> codes) {
    }

    /** Renders every code's title in one language, to match a query against what the reader sees. */
    private static final String TITLES = "{#for code in codes}{code.id}\t{check:message(code.titleKey)}\n{/for}";
    private static final String TRUST_TITLES =
            "{#for finding in trustdiag:findings}{finding.id}\t{trust:message(finding.titleKey)}\n{/for}";

    private final Page page;
    private final RefusedInput refused;
    private final Template titles;
    private final Map<Language, Map<DiagnosisCode, String>> titlesByLanguage = new ConcurrentHashMap<>();
    /** The findings of the trust policy diagnosis (docs/trust-diagnosis.md), which this package cannot name. */
    private final Template trustTitles;
    private final Map<Language, Map<String, String>> trustTitlesByLanguage = new ConcurrentHashMap<>();

    DiagnosisCodeResource(Page page, RefusedInput refused, Engine engine) {
        this.page = page;
        this.refused = refused;
        this.titles = engine.parse(TITLES);
        this.trustTitles = engine.parse(TRUST_TITLES);
    }

    /** A filter with a control character matches nothing (docs/input.md). */
    @GET
    @Produces(MediaType.TEXT_HTML)
    @HandlesRefusedInput
    public TemplateInstance codes(@QueryParam("q") String q, @QueryParam("group") String group) {
        String query = Forms.strip(q);
        query = query.length() > MAX_QUERY ? query.substring(0, MAX_QUERY) : query;
        Optional<DiagnosisCode.Group> onlyGroup = DiagnosisCode.Group.fromId(group);
        String needle = query.toLowerCase(Locale.ROOT);
        Map<DiagnosisCode, String> shownTitles = titles(page.language());
        List<CodeGroup> groups = Arrays.stream(DiagnosisCode.Group.values())
                .filter(candidate -> onlyGroup.isEmpty() || onlyGroup.get() == candidate)
                .map(candidate -> new CodeGroup(candidate, Arrays.stream(DiagnosisCode.values())
                        .filter(code -> code.group() == candidate)
                        .filter(code -> !refused.any())
                        .filter(code -> needle.isEmpty() || code.id().toLowerCase(Locale.ROOT).contains(needle)
                                || shownTitles.get(code).toLowerCase(Locale.ROOT).contains(needle))
                        .toList()))
                .filter(candidate -> !candidate.codes().isEmpty())
                .toList();
        Set<String> trustFindings = trustTitles(page.language()).entrySet().stream()
                .filter(finding -> onlyGroup.isEmpty() || onlyGroup.get() == DiagnosisCode.Group.TRUST)
                .filter(finding -> !refused.any())
                .filter(finding -> needle.isEmpty() || finding.getKey().toLowerCase(Locale.ROOT).contains(needle)
                        || finding.getValue().toLowerCase(Locale.ROOT).contains(needle))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        boolean filtered = refused.any() || !query.isEmpty() || onlyGroup.isPresent();
        return Templates.codes(groups, List.of(DiagnosisCode.Group.values()), query,
                onlyGroup.map(DiagnosisCode.Group::id).orElse(""), filtered, FixFacts.PLACEHOLDERS, trustFindings);
    }

    private Map<String, String> trustTitles(Language language) {
        return ReadMostly.get(trustTitlesByLanguage, language, wanted -> trustTitles.instance()
                .setLocale(wanted.locale()).render().lines().map(line -> line.split("\t", 2))
                .collect(Collectors.toUnmodifiableMap(parts -> parts[0], parts -> parts[1])));
    }

    private Map<DiagnosisCode, String> titles(Language language) {
        return ReadMostly.get(titlesByLanguage, language, wanted -> {
            String rendered = titles.instance().data("codes", DiagnosisCode.values()).setLocale(wanted.locale()).render();
            Map<DiagnosisCode, String> byCode = new ConcurrentHashMap<>();
            rendered.lines().map(line -> line.split("\t", 2))
                    .forEach(parts -> byCode.put(DiagnosisCode.fromId(parts[0]).orElseThrow(), parts[1]));
            return byCode;
        });
    }
}
