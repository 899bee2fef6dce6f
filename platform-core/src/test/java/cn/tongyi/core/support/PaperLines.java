package cn.tongyi.core.support;

import static cn.tongyi.core.support.Api.as;

import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Lines of the paper point book (R-LEDGER-8) for tests: completed service orders seeded straight into a branch schema
 * (as the time bank leaves them after a confirmation not paid with points), and lines posted through the API.
 */
public final class PaperLines {

    private PaperLines() {
    }

    /**
     * A COMPLETED order of the requester in the branch, served by the volunteer for {@code minutes}, credited by the
     * branch (not paid with points); returns its id. No points move: tests fund accounts themselves.
     */
    public static long completedOrder(Database database, String branch, long requester, long volunteer,
            int minutes) {
        String schema = "t_" + branch;
        return database.longs("INSERT INTO " + schema + """
                .service_request (requester_person_id, requester_home_branch, requester_name, service_type, starts_at,
                    place, expected_minutes, description, pay_with_points, status, created_at, volunteer_person_id,
                    accepted_at, actual_minutes, rating, confirmed_at, confirmed_by, credited, paid, promotion_bonus)
                VALUES (?, ?, '居民', 'SHOPPING', now() - interval '1 day', '3号楼', ?, '代购', false, 'COMPLETED',
                    now() - interval '2 days', ?, now() - interval '2 days', ?, 5, now() - interval '20 hours', 'test',
                    ?, 0, 0) RETURNING id""", requester, branch, Math.min(minutes, 480), volunteer, minutes,
                minutes * 100L / 60).get(0);
    }

    public static Map<String, Object> line(String memberId, long orderId, String points, String formNo) {
        Map<String, Object> body = new HashMap<>();
        body.put("memberId", memberId);
        body.put("serviceRequestId", Ids.request(orderId));
        body.put("points", points);
        body.put("paperFormNo", formNo);
        body.put("note", "纸质积分登记本");
        return body;
    }

    public static Response enter(String token, String branch, Map<String, Object> body) {
        return as(token).header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .post("/api/branches/" + branch + "/ledger/transfers");
    }

    public static String formNo() {
        return "JF-" + UUID.randomUUID().toString().substring(0, 13);
    }
}
