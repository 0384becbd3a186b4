from workshop.cli import run

run()
