"""Made-up stories and their reprints, for the repost tests (index, list, copies, search, people).

A reprint is written as a local portal prints a story it takes from another outlet: a new
headline, its own 发布时间 and 来源 lines, an editor, and a few characters of the body
changed (a half-width comma, a character that differs).
"""

from __future__ import annotations

from pathlib import Path

FIRE = (
    "3月17日，青禾县召开春季森林防火工作会议。县委副书记、县长李大山出席会议并讲话。",
    "李大山强调，要压紧压实各级责任，确保不发生重大森林火灾。各乡镇要加强巡查，落实值守制度，"
    "严格管控野外用火，及时消除各类隐患。",
    "会议还部署了清明节期间的防火巡查工作，要求各部门密切配合，形成工作合力。",
)
ROADS = (
    "3月20日，东山市交通运输局召开农村公路建设推进会。市交通运输局局长赵文静主持会议。",
    "赵文静指出，今年全市计划新改建农村公路三百公里，实施危桥改造二十座，"
    "各县区要倒排工期，挂图作战，确保六月底前完成过半任务。",
    "会议通报了去年农村公路养护考核结果，并对安全生产工作作了安排。",
)
SCHOOL = (
    "3月18日，西江镇中心小学举行春季运动会。来自全校的八百多名学生参加了田径、跳绳等项目的比赛。",
    "运动会期间，学生们奋勇争先，赛出了风格，赛出了水平。",
    "校长表示，学校将继续开展阳光体育活动，促进学生全面发展。",
)


def original(title: str, day: str, outlet: str, body: tuple[str, ...]) -> str:
    """The story as its first outlet prints it."""
    return "\n".join([title, f"发布时间:{day} 09:00  来源:{outlet}", *body]) + "\n"


def reprint(title: str, day: str, outlet: str, body: tuple[str, ...], slip: tuple[str, str]) -> str:
    """A reprint: another headline and header lines, commas made half-width, one word changed."""
    changed = [paragraph.replace("，", ",") for paragraph in body]
    changed[1] = changed[1].replace(*slip)
    lines = [f"【{outlet}】{title}", f"发布时间:{day} 10:31  来源:{outlet}", *changed, "责任编辑：王芳"]
    return "\n".join(lines) + "\n"


def write_story_library(folder: Path) -> Path:
    """Three copies of FIRE (the newest is fire_c), two of ROADS, SCHOOL alone."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "fire_a.txt": original("青禾县部署春季森林防火工作", "2026年03月17日", "青禾日报", FIRE),
        "fire_b.txt": reprint("青禾县部署森林防火", "2026年03月18日", "某某网", FIRE, ("巡查", "巡察")),
        "fire_c.txt": reprint("县长李大山部署防火", "2026年03月19日", "北岭在线", FIRE, ("隐患", "险患")),
        "roads_a.txt": original("东山市推进农村公路建设", "2026年03月20日", "东山新闻网", ROADS),
        "roads_b.txt": reprint("东山农村公路建设提速", "2026年03月21日", "西江晚报", ROADS, ("过半", "大半")),
        "school.txt": original("西江镇中心小学举行春季运动会", "2026年03月18日", "西江晚报", SCHOOL),
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
