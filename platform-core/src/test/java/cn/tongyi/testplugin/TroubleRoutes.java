package cn.tongyi.testplugin;

import cn.tongyi.plugin.api.BranchRole;
import cn.tongyi.plugin.api.PluginProblem;
import cn.tongyi.plugin.api.PluginResponse;
import cn.tongyi.plugin.api.PluginRoutes;
import cn.tongyi.plugin.api.Route;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.pf4j.Extension;

/** Notes kept in the plugin's own table, a route that throws, one that refuses, one that takes its time. */
@Extension
public class TroubleRoutes implements PluginRoutes {

    public record Note(String text) {
    }

    private static final Set<BranchRole> STAFF = Set.of(BranchRole.BRANCH_HEAD, BranchRole.STEWARD);

    @Override
    public List<Route> routes() {
        return List.of(
                Route.post("/notes", STAFF, "Keep a note", (request, context) -> {
                    Note note = request.body(Note.class);
                    if (note == null || note.text() == null || note.text().isBlank()) {
                        throw PluginProblem.badRequest("note-required", "A note has a text");
                    }
                    UUID id = UUID.randomUUID();
                    context.sql().update("INSERT INTO trouble_note (id, text, written_by) VALUES (?, ?, ?)", id,
                            note.text(), context.caller().orElseThrow().username());
                    return PluginResponse.created(Map.of("id", id, "text", note.text()));
                }),
                Route.get("/notes", STAFF, "The notes of this branch", (request, context) -> PluginResponse.ok(
                        context.sql().query("SELECT id, text FROM trouble_note ORDER BY text",
                                row -> Map.of("id", row.getObject(1, UUID.class), "text", row.getString(2))))),
                Route.get("/notes/{noteId}", STAFF, "One note", (request, context) -> PluginResponse.ok(
                        context.sql().query("SELECT text FROM trouble_note WHERE id = ?", row -> row.getString(1),
                                        UUID.fromString(request.pathParameter("noteId"))).stream().findFirst()
                                .map(text -> Map.of("text", text))
                                .orElseThrow(() -> PluginProblem.notFound("note-not-found", "No such note")))),
                Route.get("/seen", STAFF, "The events this plugin took", (request, context) -> PluginResponse.ok(
                        context.sql().query("SELECT event_id, type FROM trouble_seen ORDER BY type, event_id",
                                row -> Map.of("eventId", row.getObject(1, UUID.class), "type", row.getString(2))))),
                Route.get("/boom", STAFF, "Always fails", (request, context) -> {
                    context.sql().update("INSERT INTO trouble_note (id, text, written_by) VALUES (?, 'half', 'boom')",
                            UUID.randomUUID());
                    throw new IllegalStateException("the plugin's own bug");
                }),
                Route.get("/slow", STAFF, "Answers after a while", (request, context) -> {
                    Thread.sleep(Long.parseLong(request.queryParameter("millis").orElse("500")));
                    return PluginResponse.ok(Map.of("slept", true));
                }),
                Route.get("/hello", Set.of(BranchRole.MEMBER), "Greets members of every branch",
                        (request, context) -> PluginResponse.ok(Map.of("branch", context.branch(),
                                "allianceMember", context.caller().orElseThrow().allianceMember())))
                        .forAllianceMembers());
    }
}
