#!/usr/bin/env python3
"""The naive baseline of the benchmark: one regular expression per indicator over every report.

Decodes each file (UTF-8, else GB18030; .docx/.pdf are read as bytes and decoded the same way, which
finds nothing in them: the baseline does less work than fazhi, never more) and counts the matches of a
single pattern per indicator code. No cleaning, no numerals, no traps: the cost floor of "just regex it".
"""
import os
import re
import sys

PATTERNS = {
    "recon_applications": r"行政复议申请(\d+)件",
    "recon_accepted": r"受理行政复议案件(\d+)件",
    "recon_concluded": r"审结行政复议案件(\d+)件",
    "recon_correction_rate": r"纠错率(?:达|为)?(\d+(?:\.\d+)?)%",
    "recon_settlement_rate": r"和解率(?:达|为)?(\d+(?:\.\d+)?)%",
    "litigation_cases": r"行政(?:诉讼|应诉)案件(\d+)件",
    "litigation_win_rate": r"胜诉率(?:达|为)?(\d+(?:\.\d+)?)%",
    "head_appearance_rate": r"出庭应诉率(?:达|为|达到)?(\d+(?:\.\d+)?)%",
    "head_appearance_count": r"负责人出庭应诉(\d+)(?:件|次|起)",
    "normdoc_legality_reviews": r"规范性文件合法性审(?:查|核)(\d+)件",
    "normdoc_filed": r"备案规范性文件(\d+)件",
    "normdoc_filing_rate": r"备案率(?:达|为)?(\d+(?:\.\d+)?)%",
    "normdoc_cleanup_total": r"清理规范性文件(\d+)件",
    "normdoc_repealed": r"废止(\d+)件",
    "normdoc_invalidated": r"宣布失效(\d+)件",
    "normdoc_retained": r"继续有效(\d+)件",
    "major_decision_reviews": r"重大行政决策合法性审查(\d+)件",
    "legal_opinions": r"法律(?:审查)?意见(\d+)(?:件|条)",
    "contract_reviews": r"合同(\d+)(?:件|份|个)",
    "enforcement_bodies": r"行政执法主体(\d+)(?:个|家)",
    "enforcement_officers": r"执法人员(\d+)(?:人|名)",
    "enforcement_certificates": r"执法证(?:件)?(\d+)(?:个|本)",
    "penalty_cases": r"行政处罚案件(\d+)件",
    "case_files_reviewed": r"评查(?:行政执法)?案卷(\d+)(?:件|卷)",
    "discretion_benchmarks": r"裁量权基准(\d+)项",
    "service_items": r"政务服务事项(\d+)项",
    "online_service_rate": r"网办(?:事项)?率(?:达|为)?(\d+(?:\.\d+)?)%",
    "hotline_tickets": r"12345.{0,20}?(\d+)件",
    "hotline_response_rate": r"响应率(?:达|为)?(\d+(?:\.\d+)?)%",
    "hotline_completion_rate": r"办结率(?:达|为)?(\d+(?:\.\d+)?)%",
    "hotline_satisfaction_rate": r"满意率(?:达|为)?(\d+(?:\.\d+)?)%",
    "cert_items_retained": r"保留证明事项(\d+)项",
    "cert_items_cancelled": r"取消证明事项(\d+)项",
    "cert_commitment_items": r"告知承诺制的证明事项(\d+)项",
    "mediation_cases": r"调解(?:各类)?(?:矛盾)?纠纷(\d+)件",
    "mediation_successes": r"调解成功(\d+)件",
    "mediation_success_rate": r"调解成功率(?:达|为)?(\d+(?:\.\d+)?)%",
    "mediation_orgs": r"调解组织(\d+)个",
    "mediators": r"人民调解员(\d+)(?:名|人)",
    "legal_aid_cases": r"法律援助案件(\d+)件",
    "village_legal_advisers": r"(\d+)个村(?:（居）|\(居\))?.{0,6}法律顾问",
    "npc_suggestions": r"人大(?:代表)?建议(\d+)件",
    "cppcc_proposals": r"政协(?:提案|委员建议)(\d+)件",
    "procuratorial_suggestions": r"检察建议(\d+)件",
    "publicity_events": r"普法(?:宣传)?活动(\d+)(?:场次|场|次)",
}
COMPILED = [(code, re.compile(p)) for code, p in PATTERNS.items()]


def decode(data):
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


def main(root):
    files = matches = chars = 0
    for folder, _, names in os.walk(root):
        for name in names:
            if name == "manifest.csv":
                continue
            with open(os.path.join(folder, name), "rb") as f:
                text = decode(f.read())
            chars += len(text)
            files += 1
            for _, pattern in COMPILED:
                matches += len(pattern.findall(text))
    print(f"files={files} chars={chars} matches={matches}")


if __name__ == "__main__":
    main(sys.argv[1])
