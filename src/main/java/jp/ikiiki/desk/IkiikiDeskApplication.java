package jp.ikiiki.desk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class IkiikiDeskApplication {
	public static void main(String[] args) {
		SpringApplication.run(IkiikiDeskApplication.class, args);
	}
}
