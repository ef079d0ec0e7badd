"""Step page types that apps above ``courses`` add to a course.

``courses`` knows lessons and its own quizzes; an app in a higher layer
(e-learning packages) registers its page types here from its
``AppConfig.ready``, so that progress, locks and the module's allowed
children include them without ``courses`` importing that app.
"""

# Page types a module may hold (``ModulePage.subpage_types`` is this list).
MODULE_CHILD_TYPES: list[str] = ["courses.LessonPage", "quiz.QuizPage"]
# Page types a learner completes.
STEP_MODELS: list[str] = ["courses.LessonPage", "quiz.QuizPage"]
# Steps completed only by their own result (a passed quiz, a package that
# reports completion and a pass), never by "Mark as complete". They also
# close the next module while not done, when the course runs in order.
GRADED_MODELS: list[str] = ["quiz.QuizPage"]


def register_step(label: str, *, graded: bool) -> None:
    """Add a page type (``"app_label.ModelName"``) to modules' steps.

    Call it from ``AppConfig.ready``, before any request is served.
    """
    for registry in (MODULE_CHILD_TYPES, STEP_MODELS) + (
        (GRADED_MODELS,) if graded else ()
    ):
        if label not in registry:
            registry.append(label)
