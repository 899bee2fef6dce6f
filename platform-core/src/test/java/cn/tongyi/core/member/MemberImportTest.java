package cn.tongyi.core.member;

import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Database;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Importing a paper register: every line checked, all or nothing, with a report of line, field and reason. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class MemberImportTest {

    private static final String HEADER =
            "name,phone,idNumber,building,unit,address,emergencyName,emergencyPhone,paperFormNo\n";

    @Inject
    Database database;

    @Test
    @DisplayName("R-MEMBER-1: a valid register is imported whole, each member flagged steward-entered")
    void importsAValidRegister() {
        Api.OnboardedBranch branch = Api.onboard("importok");
        long building = Members.building(branch, "1号楼");
        String steward = Members.steward(branch, building);
        String csv = HEADER
                + line("张桂兰", "", Members.idNumberOfAge(80), "1号楼", "1", "1单元 101", "张伟", Members.phone(), "HY-1")
                + line("李淑珍", Members.phone(), Members.idNumberOfAge(77), "1号楼", "3", "3单元 502", "", "", "HY-2");

        List<String> ids = upload(steward, branch, csv).then().statusCode(201)
                .body("imported", equalTo(2))
                .extract().path("memberIds");
        as(branch.headToken()).get("/api/branches/" + branch.code() + "/members/" + ids.get(0)).then()
                .body("registration.channel", equalTo("STEWARD"))
                .body("registration.paperFormNo", equalTo("HY-1"))
                .body("name", equalTo("张桂兰"));
    }

    @Test
    @DisplayName("R-MEMBER-1: one bad line rejects the whole file with a report of every line, field and reason")
    void rejectsTheWholeFileOnAnyError() {
        Api.OnboardedBranch branch = Api.onboard("importbad");
        long building = Members.building(branch, "1号楼");
        Members.building(branch, "2号楼");
        String steward = Members.steward(branch, building);
        Members.Registered existing = Members.registerOnline(branch, building);
        String duplicateId = Members.idNumberOfAge(66);
        String goodId = Members.idNumberOfAge(70);
        String csv = HEADER
                + line("赵一", "", goodId, "1号楼", "1", "101", "", "", "HY-1")
                + line("钱二", "12345", Members.idNumberOfAge(60), "1号楼", "1", "102", "", "", "HY-2")
                + line("孙三", "", "110105194912310021", "1号楼", "1", "103", "", "", "HY-3")
                + line("李四", "", Members.idNumberOfAge(61), "9号楼", "1", "104", "", "", "HY-4")
                + line("周五", "", Members.idNumberOfAge(62), "2号楼", "1", "105", "", "", "HY-5")
                + line("吴六", existing.phone(), Members.idNumberOfAge(63), "1号楼", "1", "106", "", "", "HY-6")
                + line("郑七", "", duplicateId, "1号楼", "1", "107", "", "", "HY-7")
                + line("王八", "", duplicateId, "1号楼", "x", "108", "", "", "")
                + "冯九,13800000000\n";

        JsonPath report = upload(steward, branch, csv).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tongyi:problem:import-rejected"))
                .extract().jsonPath();
        assertThat(report.getList("errors", Map.class)).extracting(e -> e.get("line") + ":" + e.get("field"))
                .containsExactlyInAnyOrder("3:phone", "4:idNumber", "5:building", "6:buildingId", "7:phone",
                        "9:unit", "9:paperFormNo", "10:line");
        assertThat(database.count("SELECT count(*) FROM t_" + branch.code() + ".member")).isEqualTo(1);

        String duplicates = HEADER
                + line("郑七", "", duplicateId, "1号楼", "1", "107", "", "", "HY-7")
                + line("王八", "", duplicateId, "1号楼", "2", "108", "", "", "HY-8");
        upload(steward, branch, duplicates).then().statusCode(422)
                .body("errors", hasSize(1))
                .body("errors[0].line", equalTo(3))
                .body("errors[0].field", equalTo("idNumber"))
                .body("errors[0].message", equalTo("Same as line 2"));
    }

    @Test
    @DisplayName("An upload without the header line or without members is a 400")
    void malformedFiles() {
        Api.OnboardedBranch branch = Api.onboard("importhdr");
        String steward = Members.steward(branch, Members.building(branch, "1号楼"));
        upload(steward, branch, "a,b,c\n1,2,3\n").then().statusCode(400)
                .body("type", equalTo("urn:tongyi:problem:import-header"));
        upload(steward, branch, HEADER).then().statusCode(400)
                .body("type", equalTo("urn:tongyi:problem:import-empty"));
    }

    private static String line(String... values) {
        return String.join(",", values) + "\n";
    }

    private static Response upload(String token, Api.OnboardedBranch branch, String csv) {
        return as(token).contentType("text/csv; charset=UTF-8").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(csv).post("/api/branches/" + branch.code() + "/members/import");
    }
}
