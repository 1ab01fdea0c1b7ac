package io.rolegate.verification;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
                String group, boolean filtered, FixFacts placeholders);
    }

    /** The codes of one group that the filter kept, in their published order. */
    public record CodeGroup(DiagnosisCode.Group group, List<DiagnosisCode> codes) {
    }

    /** Renders every code's title in one language, to match a query against what the reader sees. */
    private static final String TITLES = "{#for code in codes}{code.id}\t{check:message(code.titleKey)}\n{/for}";

    private final Page page;
    private final RefusedInput refused;
    private final Template titles;
    private final Map<Language, Map<DiagnosisCode, String>> titlesByLanguage = new ConcurrentHashMap<>();

    DiagnosisCodeResource(Page page, RefusedInput refused, Engine engine) {
        this.page = page;
        this.refused = refused;
        this.titles = engine.parse(TITLES);
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
        boolean filtered = refused.any() || !query.isEmpty() || onlyGroup.isPresent();
        return Templates.codes(groups, List.of(DiagnosisCode.Group.values()), query,
                onlyGroup.map(DiagnosisCode.Group::id).orElse(""), filtered, FixFacts.PLACEHOLDERS);
    }

    private Map<DiagnosisCode, String> titles(Language language) {
        return titlesByLanguage.computeIfAbsent(language, wanted -> {
            String rendered = titles.instance().data("codes", DiagnosisCode.values()).setLocale(wanted.locale()).render();
            Map<DiagnosisCode, String> byCode = new ConcurrentHashMap<>();
            rendered.lines().map(line -> line.split("\t", 2))
                    .forEach(parts -> byCode.put(DiagnosisCode.fromId(parts[0]).orElseThrow(), parts[1]));
            return byCode;
        });
    }
}
