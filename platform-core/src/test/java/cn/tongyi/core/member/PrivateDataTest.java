package cn.tongyi.core.member;

import static cn.tongyi.core.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import cn.tongyi.core.privacy.Masks;
import cn.tongyi.core.privacy.PiiVault;
import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Database;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.People;
import cn.tongyi.core.support.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R-MEMBER-3: private data is encrypted at rest, clear only to those who care for the member, and audited. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class PrivateDataTest {

    @Inject
    Database database;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PiiVault vault;

    @Inject
    People people;

    @Test
    @DisplayName("R-MEMBER-3: clear to the head, the building's stewards and the member; masked down to the name, "
            + "building and unit for other stewards and finance; merchants, government viewers and other members may "
            + "not read a member's record at all")
    void maskingMatrix() {
        Api.OnboardedBranch branch = Api.onboard("matrix");
        long home = Members.building(branch, "1号楼");
        long other = Members.building(branch, "9号楼");
        String stewardOfBuilding = Members.steward(branch, home);
        String stewardElsewhere = Members.steward(branch, other);
        String finance = Api.staff(branch, "FINANCE");
        Members.Registered member = Members.registerOnline(branch, home);
        Members.Registered anotherMember = Members.registerOnline(branch, other);
        String members = "/api/branches/" + branch.code() + "/members";
        String path = members + "/" + member.memberId();

        for (String viewer : List.of(branch.headToken(), stewardOfBuilding)) {
            assertClear(as(viewer).get(path).then().statusCode(200).extract().jsonPath(), member);
        }
        assertClear(as(member.token()).get(members + "/me").then().statusCode(200).extract().jsonPath(), member);
        for (String viewer : List.of(stewardElsewhere, finance)) {
            JsonPath record = as(viewer).get(path).then().statusCode(200).extract().jsonPath();
            assertThat(record.getBoolean("privateDataInClear")).isFalse();
            assertThat(record.getString("name")).isEqualTo("王**");
            assertThat(record.getString("buildingName")).isNull();
            assertThat(record.getMap("")).containsEntry("buildingId", null).containsEntry("unit", null);
            assertThat(record.getString("idNumber")).isEqualTo(Masks.idNumber(member.idNumber()))
                    .matches("^\\d{3}\\*{11}[\\dX]{4}$");
            assertThat(record.getString("phone")).isEqualTo(Masks.phone(member.phone())).matches("^\\d{3}\\*{4}\\d{4}$");
            assertThat(record.getString("address")).isEqualTo("****");
            assertThat(record.getString("emergencyContact.name")).isEqualTo("王**");
            assertThat(record.getString("birthDate")).isNull();
        }
        for (String viewer : List.of(anotherMember.token(), people.withRole(branch.code(), "MERCHANT").token(),
                people.withRole(branch.code(), "GOV_VIEWER").token())) {
            as(viewer).get(path).then().statusCode(403);
            as(viewer).get("/api/branches/" + branch.code() + "/volunteers/" + member.memberId()).then()
                    .statusCode(org.hamcrest.Matchers.oneOf(403, 404));
            as(viewer).get(members).then().statusCode(403);
        }

        as(stewardElsewhere).get(members).then().statusCode(200)
                .body("members.id", org.hamcrest.Matchers.not(hasItem(member.memberId())));
        // lists never show private data; those who care for the member see whom by name
        as(branch.headToken()).get(members).then().statusCode(200)
                .body("members.find { it.id == '" + member.memberId() + "' }.phone", equalTo(Masks.phone(member.phone())))
                .body("members.find { it.id == '" + member.memberId() + "' }.name", equalTo("王秀英"))
                .body("members.find { it.id == '" + member.memberId() + "' }.unit", equalTo(2));
        as(finance).get(members).then().statusCode(200)
                .body("members.find { it.id == '" + member.memberId() + "' }.name", equalTo("王**"))
                .body("members.find { it.id == '" + member.memberId() + "' }.unit", nullValue());
    }

    private static void assertClear(JsonPath record, Members.Registered member) {
        assertThat(record.getBoolean("privateDataInClear")).isTrue();
        assertThat(record.getString("name")).isEqualTo("王秀英");
        assertThat(record.getString("buildingName")).isEqualTo("1号楼");
        assertThat(record.getInt("unit")).isEqualTo(2);
        assertThat(record.getString("idNumber")).isEqualTo(member.idNumber());
        assertThat(record.getString("phone")).isEqualTo(member.phone());
        assertThat(record.getString("address")).isEqualTo("2单元 301室");
        assertThat(record.getString("emergencyContact.name")).isEqualTo("王小明");
    }

    @Test
    @DisplayName("R-MEMBER-3: every clear read is audited (who, whose, when, why) and the head lists the log")
    void clearReadsAreAudited() {
        Api.OnboardedBranch branch = Api.onboard("audit");
        long home = Members.building(branch, "1号楼");
        String steward = Members.steward(branch, home);
        String stewardElsewhere = Members.steward(branch, Members.building(branch, "2号楼"));
        Members.Registered member = Members.registerOnline(branch, home);
        String path = "/api/branches/" + branch.code() + "/members/" + member.memberId();
        String stewardName = as(steward).get("/api/me").then().extract().path("username");

        as(steward).queryParam("reason", "上门服务前核对紧急联系人").get(path).then().statusCode(200);
        as(stewardElsewhere).get(path).then().statusCode(200);

        as(branch.headToken()).queryParam("memberId", member.memberId())
                .get("/api/branches/" + branch.code() + "/pii-access-log")
                .then().statusCode(200)
                .body("entries.size()", equalTo(1))
                .body("entries[0].accessedBy", equalTo(stewardName))
                .body("entries[0].reason", equalTo("上门服务前核对紧急联系人"))
                .body("entries[0].memberId", equalTo(member.memberId()))
                .body("nextCursor", nullValue());
        as(steward).get("/api/branches/" + branch.code() + "/pii-access-log").then().statusCode(403);
    }

    @Test
    @DisplayName("R-MEMBER-3, R-COMPLIANCE: a dump of the branch and platform schemas holds no ID or phone number in clear")
    void noClearTextAtRest() throws Exception {
        Api.OnboardedBranch branch = Api.onboard("dump");
        long home = Members.building(branch, "1号楼");
        List<Members.Registered> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            members.add(Members.registerOnline(branch, home));
        }
        String steward = Members.steward(branch, home);
        Members.registerOnPaper(branch, steward, home);

        String dump = dumpSchemas("t_" + branch.code(), "platform");
        assertThat(dump).contains(members.get(0).memberId());
        for (Members.Registered member : members) {
            assertThat(dump).doesNotContain(member.idNumber()).doesNotContain(member.phone());
            assertThat(dump).doesNotContain(member.idNumber().substring(6, 14) + member.idNumber().substring(14));
        }
        assertThat(dump).doesNotContain("2单元 301室").doesNotContain("王小明");
    }

    @Test
    @DisplayName("R-MEMBER-3: a ciphertext copied to another row or field does not decrypt")
    void ciphertextsAreBoundToTheirRow() {
        PiiVault.Place place = new PiiVault.Place("t_x", "member", "a", "phone");
        byte[] sealed = vault.seal("13812345678", place);
        assertThat(vault.open(sealed, place)).isEqualTo("13812345678");
        assertThatThrownBy(() -> vault.open(sealed, new PiiVault.Place("t_x", "member", "b", "phone")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> vault.open(sealed, new PiiVault.Place("t_x", "member", "a", "id_number")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> vault.open(sealed, new PiiVault.Place("t_y", "member", "a", "phone")))
                .isInstanceOf(IllegalStateException.class);
    }

    /** Every row of every table of the schemas, as text: what a data dump holds. */
    private String dumpSchemas(String... schemas) throws Exception {
        StringBuilder dump = new StringBuilder();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            for (String schema : schemas) {
                try (ResultSet rows = statement.executeQuery(
                        "SELECT table_schema || '.' || table_name FROM information_schema.tables"
                                + " WHERE table_type = 'BASE TABLE' AND table_schema = '" + schema + "'")) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
            }
            assertThat(tables).contains(schemas[0] + ".member", "platform.member_fingerprint");
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT t::text FROM " + table + " t")) {
                    while (rows.next()) {
                        dump.append(rows.getString(1)).append('\n');
                    }
                }
            }
        }
        return dump.toString();
    }
}
