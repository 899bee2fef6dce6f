package cn.tongyi.core.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Completes the API document for every operation, those added later included, so that resources declare only what
 * is particular to them. Operation ids come from configuration ({@code operation-id-strategy}); this filter adds the
 * token requirement, the problem+json refusals ({@link ProblemResponses}) and the tags' descriptions.
 * <p>
 * Every operation needs a token unless it declares {@code @SecurityRequirement(name = "none")}: the branch paths
 * (BranchAccessFilter), {@code @RolesAllowed} and {@code @Authenticated} all refuse anonymous callers, and an
 * operation that forgot to say it is public is documented on the safe side (ApiDocumentTest finds it).
 */
public class ApiDocumentFilter implements OASFilter {

    /** The bearer scheme; {@code quarkus.smallrye-openapi.security-scheme-name} names it the same. */
    static final String SCHEME = "jwt";
    /** The requirement that marks an operation open to anonymous callers; no scheme has this name. */
    static final String ANONYMOUS = "none";

    private static final Map<String, String> TAG_DESCRIPTIONS = Map.ofEntries(
            Map.entry("Activities", "Community activities: proposals and votes, the head's picks, plans within "
                    + "budget, announcements, sign-in, satisfaction, summaries (R-ACTIVITY-1..4)"),
            Map.entry("Authentication", "Log in for an access token (send it as Authorization: Bearer …) and see "
                    + "who you are"),
            Map.entry("Branch", "A branch's profile, for anyone holding a role in it"),
            Map.entry("Branch ledger", "Points in a branch: the paper point book, disputes and their decisions "
                    + "(R-LEDGER-6), the branch's ledger rules"),
            Map.entry("Branch set-up", "The 3-month set-up checklist of a new branch (R-BRANCH-2)"),
            Map.entry("Branch staff", "Staff logins of a branch and their roles, kept by the branch head"),
            Map.entry("Buildings", "The buildings of a branch and their stewards"),
            Map.entry("Complaints", "Complaints with their 1-hour contact and 24-hour resolution clocks, their "
                    + "outcomes, the XLSX ledger, and disputes referred to the supervision group (R-COMPLAINT-1..4)"),
            Map.entry("Compliance self-check", "The branch's monthly self-check: automatic checks and signed items "
                    + "with owners and fix deadlines (R-COMPLIANCE-1..5)"),
            Map.entry("Deadlines", "The branch's overdue items, for its head and the owners of each clock"),
            Map.entry("HQ: branches", "HQ: onboard branches, open or suspend them, follow their set-up, upgrade "
                    + "their schemas"),
            Map.entry("HQ: calendar", "HQ: public holidays and make-up working days, as deadlines count them"),
            Map.entry("HQ: compliance", "HQ: every branch's monthly self-check result and overdue items"),
            Map.entry("HQ: deadlines", "HQ: overdue items across the branches"),
            Map.entry("HQ: figures", "HQ: service hours and members per branch per month, for the charts"),
            Map.entry("HQ: jobs", "HQ: the scheduled jobs, their recorded runs, and a run by hand for a day"),
            Map.entry("HQ: ledger", "HQ: clearing of points between branches"),
            Map.entry("Inbox", "The caller's messages in a branch: reminders and alerts"),
            Map.entry("Leaderboard", "The monthly anonymous leaderboard of buildings (R-LEDGER-7)"),
            Map.entry("Members", "Membership: online and paper registration, private data (masked unless the "
                    + "caller looks after the member; clear reads are audited), fees, freezes, revocation, level "
                    + "benefits"),
            Map.entry("My points", "The caller's points, valid in every branch: balance, entries, disputes"),
            Map.entry("Safety incidents", "Incidents during a service: report, arrival and 120 call times, "
                    + "emergency-fund advances, the 24-hour report (R-INCIDENT-1..3)"),
            Map.entry("Service requests", "The time bank: asking for help, review, offers to volunteers, "
                    + "acceptance, confirmation, cancellations, evidence, promotion days"),
            Map.entry("Volunteers", "Volunteering: applications, training, the scenario test and certificate, "
                    + "skills, suspensions"));

    @Override
    public void filterOpenAPI(OpenAPI document) {
        if (document.getComponents() == null) {
            document.setComponents(OASFactory.createComponents());
        }
        ProblemResponses.addComponents(document.getComponents());
        document.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach(
                (method, operation) -> ProblemResponses.addTo(operation, method, path, requireToken(operation))));
        if (document.getTags() != null) {
            for (Tag tag : document.getTags()) {
                if (tag.getDescription() == null) {
                    tag.setDescription(TAG_DESCRIPTIONS.get(tag.getName()));
                }
            }
        }
    }

    /** Completes an operation added to the document at run time (a plugin's route) as this filter does the others. */
    public static void complete(Operation operation, PathItem.HttpMethod method, String path) {
        ProblemResponses.addTo(operation, method, path, requireToken(operation));
    }

    /** Sets the operation's requirement (none, or the bearer token) and says whether it needs a token. */
    private static boolean requireToken(Operation operation) {
        List<SecurityRequirement> declared = operation.getSecurity();
        if (declared == null) {
            operation.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME))));
            return true;
        }
        if (declared.stream().anyMatch(requirement -> requirement.hasScheme(ANONYMOUS))) {
            operation.setSecurity(new ArrayList<>());
            return false;
        }
        return !declared.isEmpty();
    }
}
