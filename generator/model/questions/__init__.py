"""Question types. Adding one: a module here with its model, listed in AnyQuestion,
a template in templates/questions/<type>.html and a script in assets/quiz/types/."""

from typing import Annotated, get_args

from pydantic import Field

from .multiple import MultipleQuestion
from .order import OrderQuestion
from .single import SingleQuestion
from .text import TextQuestion
from .true_false import TrueFalseQuestion
from .written import WrittenQuestion

AnyQuestion = SingleQuestion | MultipleQuestion | TrueFalseQuestion | OrderQuestion | TextQuestion | WrittenQuestion
QUESTION_TYPES: tuple[type[AnyQuestion], ...] = get_args(AnyQuestion)

Question = Annotated[AnyQuestion, Field(discriminator="type")]

__all__ = ["QUESTION_TYPES", "AnyQuestion", "Question", "WrittenQuestion"]
