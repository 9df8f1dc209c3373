"""Question types. Adding one: a module here with its model, listed in QUESTION_TYPES,
a template in templates/questions/<type>.html and a script in assets/quiz/types/."""

from typing import Annotated, Union

from pydantic import Field

from .multiple import MultipleQuestion
from .order import OrderQuestion
from .single import SingleQuestion
from .text import TextQuestion
from .true_false import TrueFalseQuestion

QUESTION_TYPES = (SingleQuestion, MultipleQuestion, TrueFalseQuestion, OrderQuestion, TextQuestion)

Question = Annotated[Union[QUESTION_TYPES], Field(discriminator="type")]  # type: ignore[valid-type]

__all__ = ["QUESTION_TYPES", "Question"]
